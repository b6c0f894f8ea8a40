import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportChoice, ImportSummary } from '../../../shared/ipc/shapes';
import { call, onEvent } from '../bridge';

/** How far a save is: entries written of all it writes. */
export interface SaveProgress {
  done: number;
  total: number;
}

/** The save of one import: its progress while it runs, and Cancel (stop after the account being written). */
export interface ImportSave {
  /** True while main saves. */
  saving: boolean;
  /** How far the last save got (main's last word, or 0 of the planned writes at first); null before any. */
  progress: SaveProgress | null;
  /** The user asked to stop and main has not answered yet. */
  stopping: boolean;
  /** Saves with one choice per entry; resolves with main's summary (`stopped` after a Cancel), throws its error. */
  save: (choices: ImportChoice[], writes: number) => Promise<ImportSummary>;
  /** Asks main to stop the save after the account being written; what is saved stays saved. */
  stop: () => void;
}

/**
 * The save of import `sessionId`: main pushes `backup:import-progress` per saved slice while
 * `backup:import-commit` runs; events of other sessions, or arriving after the save ended, are ignored.
 */
export function useImportSave(sessionId: string): ImportSave {
  const [progress, setProgress] = useState<SaveProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const [saving, setSaving] = useState(false);
  const active = useRef(false);

  useEffect(
    () =>
      onEvent('backup:import-progress', (p) => {
        if (active.current && p.sessionId === sessionId) setProgress({ done: p.done, total: p.total });
      }),
    [sessionId],
  );

  const save = useCallback(
    async (choices: ImportChoice[], writes: number) => {
      active.current = true;
      setSaving(true);
      setStopping(false);
      setProgress((last) => last ?? { done: 0, total: writes });
      try {
        return await call('backup:import-commit', sessionId, choices);
      } finally {
        active.current = false;
        setSaving(false);
        setStopping(false);
      }
    },
    [sessionId],
  );

  const stop = useCallback(() => {
    if (!active.current) return;
    setStopping(true);
    void call('backup:import-stop', sessionId).catch(() => undefined);
  }, [sessionId]);

  return { saving, progress, stopping, save, stop };
}
