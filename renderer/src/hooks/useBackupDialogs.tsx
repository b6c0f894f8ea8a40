import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountView, ImportOpened, ImportSummary } from '../../../shared/ipc-contract';
import { call, errorData } from '../bridge';
import type { BackupAction } from '../components/BackupMenu';
import { BackupReminder } from '../components/BackupReminder';
import { ExportDialog } from '../components/ExportDialog';
import { ImportDialog } from '../components/ImportDialog';
import { TransferDialog } from '../components/TransferDialog';
import '../styles/backup.css';

type Open = { kind: 'import'; opened: ImportOpened } | { kind: 'export' } | { kind: 'transfer' } | null;

interface BackupDialogsOptions {
  accounts: AccountView[];
  /** The vault's version: the reminder is checked again whenever the list changes. */
  version: number;
  reload: () => void;
  showToast: (toast: { message: string; tone?: 'info' | 'error'; durationMs?: number }) => void;
}

/** The import, export and transfer dialogs with their entry point: `start(action)`. */
export function useBackupDialogs({ accounts, version, reload, showToast }: BackupDialogsOptions): {
  start: (action: BackupAction) => void;
  open: boolean;
  dialogs: ReactNode;
  /** The backup reminder banner, or null. */
  banner: ReactNode;
} {
  const [open, setOpen] = useState<Open>(null);
  const [remind, setRemind] = useState(false);
  const [checks, setChecks] = useState(0);

  // After accounts are added or changed (a new vault version) or a backup, ask main again. A
  // dismissal still being written goes first, and an answer that started before it is dropped.
  const dismissal = useRef<{ seq: number; done: Promise<unknown> }>({ seq: 0, done: Promise.resolve() });
  useEffect(() => {
    let live = true;
    const { seq, done } = dismissal.current;
    const current = () => live && seq === dismissal.current.seq;
    void done
      .then(() => call('backup:reminder'))
      .then((r) => current() && setRemind(r.due))
      .catch(() => current() && setRemind(false));
    return () => {
      live = false;
    };
  }, [version, checks]);

  const start = useCallback(
    (action: BackupAction) => {
      if (action !== 'import') return setOpen({ kind: action });
      // main shows the file dialog and keeps the file; we only learn its name and format.
      call('backup:import-open')
        .then((opened) => opened && setOpen({ kind: 'import', opened }))
        .catch((e: unknown) =>
          showToast({ message: errorData(e).message, tone: 'error', durationMs: 8_000 }),
        );
    },
    [showToast],
  );

  const imported = (s: ImportSummary) => {
    setOpen(null);
    reload();
    const parts = [`Imported ${s.added + s.replaced} account${s.added + s.replaced === 1 ? '' : 's'}`];
    if (s.replaced > 0) parts.push(`${s.replaced} replaced`);
    if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
    if (s.rejected > 0) parts.push(`${s.rejected} rejected`);
    if (s.failed.length > 0)
      parts.push(`${s.failed.length} failed: ${s.failed.map((f) => f.message).join('; ')}`);
    showToast({ message: parts.join(', '), tone: s.failed.length > 0 ? 'error' : 'info', durationMs: 8_000 });
  };

  const dialogs =
    open?.kind === 'import' ? (
      <ImportDialog opened={open.opened} onDone={imported} onClose={() => setOpen(null)} />
    ) : open?.kind === 'export' ? (
      <ExportDialog
        count={accounts.length}
        onClose={() => setOpen(null)}
        onDone={(d) => {
          setOpen(null);
          setChecks((n) => n + 1);
          showToast({
            message: `Saved ${d.count} account${d.count === 1 ? '' : 's'} to ${d.fileName}`,
            durationMs: 6_000,
          });
        }}
      />
    ) : open?.kind === 'transfer' ? (
      <TransferDialog accounts={accounts} onClose={() => setOpen(null)} />
    ) : null;

  const banner = remind ? (
    <BackupReminder
      onExport={() => setOpen({ kind: 'export' })}
      onDismiss={() => {
        setRemind(false);
        dismissal.current = {
          seq: dismissal.current.seq + 1,
          done: call('backup:reminder-dismiss').catch(() => undefined),
        };
      }}
    />
  ) : null;

  return { start, open: open !== null, dialogs, banner };
}
