import { useEffect } from 'react';
import type { SettingsState } from '../../hooks/useSettings';
import { Dialog } from '../Dialog';
import { ClockSettings } from './ClockSettings';
import { GeneralSettings } from './GeneralSettings';
import { LockSettings } from './LockSettings';
import { PrivacySettings } from './PrivacySettings';
import { WindowSettings } from './WindowSettings';
import '../../styles/settings.css';

interface SettingsDialogProps {
  state: SettingsState;
  onClose: () => void;
}

/**
 * Every setting in one dialog, one section component each (add a section with its import and one
 * line below). Each change is saved at once in main, which checks it and applies it to the desktop
 * (the shortcut, the tray, screen sharing, the time server, auto-lock); what does not work here
 * says why beside it.
 */
export function SettingsDialog({ state, onClose }: SettingsDialogProps) {
  const { settings, status, update, refresh } = state;
  // What the desktop offers may have changed since the window opened (a tray host came up).
  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  return (
    <Dialog title="Settings" onClose={onClose} className="settings-dialog">
      <div className="dialog-body">
        {settings === null || status === null ? (
          <p role="status">Loading settings…</p>
        ) : (
          <>
            <GeneralSettings settings={settings} status={status} update={update} />
            <WindowSettings settings={settings} status={status} update={update} />
            <PrivacySettings settings={settings} status={status} update={update} />
            <ClockSettings settings={settings} status={status} update={update} />
            <LockSettings settings={settings} status={status} update={update} />
          </>
        )}
      </div>
      <div className="dialog-actions settings-actions">
        <p className="muted">Changes are saved as you make them.</p>
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
