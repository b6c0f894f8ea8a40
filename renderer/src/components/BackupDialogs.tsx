import type { AccountView, ImportSummary } from '../../../shared/ipc/shapes';
import type { BackupDialogsState, ShowToast } from '../hooks/useBackupDialogs';
import type { useKeyReplacements } from '../hooks/useKeyReplacements';
import { importSummary } from '../lib/save-summary';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { TransferDialog } from './TransferDialog';
import '../styles/backup.css';

interface BackupDialogsProps {
  state: BackupDialogsState;
  accounts: AccountView[];
  reload: () => void;
  showToast: ShowToast;
  /** Shows the import's toast; with keys replaced, its Undo restores them. */
  announce: ReturnType<typeof useKeyReplacements>['announce'];
}

/** The open backup dialog (import, export or transfer), and the toast that sums up what it did. */
export function BackupDialogs({ state, accounts, reload, showToast, announce }: BackupDialogsProps) {
  const { open, close } = state;
  const imported = (s: ImportSummary) => {
    close();
    reload();
    const tone = s.failed.length > 0 ? 'error' : 'info';
    announce(s.replaced, { message: importSummary(s), tone, durationMs: 10_000 });
  };

  if (open?.kind === 'import')
    return <ImportDialog opened={open.opened} onDone={imported} onStopped={reload} onClose={close} />;
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
