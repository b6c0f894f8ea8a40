import { WarningIcon } from './Icons';

interface SettingsNoticeProps {
  message: string;
  onOpenSettings: () => void;
  /** Saves the settings as shown (the defaults), which also ends the notice. */
  onKeep: () => void;
}

/** Settings.json was damaged and defaults are in use: what happened, with Settings… and "Keep these". */
export function SettingsNotice({ message, onOpenSettings, onKeep }: SettingsNoticeProps) {
  return (
    <div className="banner" role="region" aria-label="Settings notice">
      <WarningIcon />
      <div className="banner-text">
        <strong>Your settings were reset</strong>
        <span className="muted">{message}</span>
        <div className="banner-actions">
          <button type="button" className="button small primary" onClick={onOpenSettings}>
            Settings…
          </button>
          <button type="button" className="button small" onClick={onKeep}>
            Keep these
          </button>
        </div>
      </div>
    </div>
  );
}
