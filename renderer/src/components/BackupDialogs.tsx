import type { AccountView, ImportSummary } from '../../../shared/ipc/shapes';
import type { BackupDialogsState, ShowToast } from '../hooks/useBackupDialogs';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { TransferDialog } from './TransferDialog';
import '../styles/backup.css';

interface BackupDialogsProps {
  state: BackupDialogsState;
  accounts: AccountView[];
  reload: () => void;
  showToast: ShowToast;
}

/** The open backup dialog (import, export or transfer), and the toast that sums up what it did. */
export function BackupDialogs({ state, accounts, reload, showToast }: BackupDialogsProps) {
  const { open, close } = state;
  const imported = (s: ImportSummary) => {
    close();
    reload();
    const parts = [`Imported ${s.added + s.updated} account${s.added + s.updated === 1 ? '' : 's'}`];
    if (s.updated > 0) parts.push(`${s.updated} updated`);
    if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
    if (s.rejected > 0) parts.push(`${s.rejected} rejected`);
    if (s.failed.length > 0)
      parts.push(`${s.failed.length} failed: ${s.failed.map((f) => f.message).join('; ')}`);
    showToast({ message: parts.join(', '), tone: s.failed.length > 0 ? 'error' : 'info', durationMs: 8_000 });
  };

  if (open?.kind === 'import') return <ImportDialog opened={open.opened} onDone={imported} onClose={close} />;
  if (open?.kind === 'transfer') return <TransferDialog accounts={accounts} onClose={close} />;
  if (open?.kind !== 'export') return null;
  return (
    <ExportDialog
      count={accounts.length}
      onClose={close}
      onDone={(d) => {
        state.exported();
        showToast({
          message: `Saved ${d.count} account${d.count === 1 ? '' : 's'} to ${d.fileName}`,
          durationMs: 6_000,
        });
      }}
    />
  );
}
