import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOpened } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import type { BackupAction } from '../components/BackupMenu';
import type { useToasts } from './useToasts';

/** The toast function of {@link useToasts}. */
export type ShowToast = ReturnType<typeof useToasts>['show'];

/** The backup dialog on screen: an import of the file main opened, the export, or the transfer. */
export type BackupDialog =
  { kind: 'import'; opened: ImportOpened } | { kind: 'export' } | { kind: 'transfer' };

/** Which backup dialog is open, whether the reminder shows, and what changes either. */
export interface BackupDialogsState {
  open: BackupDialog | null;
  /** True while the backup reminder banner should show. */
  remind: boolean;
  /** Opens a dialog; an import first lets main show the file dialog. */
  start: (action: BackupAction) => void;
  close: () => void;
  /** An export finished: the dialog closes and the reminder is asked about again. */
  exported: () => void;
  /** Hides the reminder (main keeps it hidden for a week). */
  dismissReminder: () => void;
}

/** The state of the import, export and transfer dialogs and of the backup reminder. */
export function useBackupDialogs(version: number, showToast: ShowToast): BackupDialogsState {
  const [open, setOpen] = useState<BackupDialog | null>(null);
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
  const close = useCallback(() => setOpen(null), []);
  const exported = useCallback(() => {
    setOpen(null);
    setChecks((n) => n + 1);
  }, []);
  const dismissReminder = useCallback(() => {
    setRemind(false);
    dismissal.current = {
      seq: dismissal.current.seq + 1,
      done: call('backup:reminder-dismiss').catch(() => undefined),
    };
  }, []);

  return { open, remind, start, close, exported, dismissReminder };
}
