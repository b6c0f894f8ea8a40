import { WarningIcon } from './Icons';

interface BackupReminderProps {
  onExport: () => void;
  onDismiss: () => void;
}

/** The backup reminder: accounts changed since the last backup; dismissing hides it for a week. */
export function BackupReminder({ onExport, onDismiss }: BackupReminderProps) {
  return (
    <div className="banner backup-reminder" role="region" aria-label="Backup reminder">
      <WarningIcon />
      <div className="banner-text">
        <strong>Your accounts are not backed up</strong>
        <span className="muted">
          Accounts changed since the last backup. Save an encrypted backup so a lost or replaced computer does
          not lock you out.
        </span>
        <div className="banner-actions">
          <button type="button" className="button small primary" onClick={onExport}>
            Export backup…
          </button>
          <button type="button" className="button small" onClick={onDismiss}>
            Not now
          </button>
        </div>
      </div>
    </div>
  );
}
