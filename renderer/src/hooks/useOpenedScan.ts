import { useCallback, useEffect, useState } from 'react';
import type { OpenedScan } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import { useLatest } from './useLatest';

/** A step an opened link or the tray's screen scan left in main, numbered so the Scan dialog shows each once. */
export interface OpenedStep {
  seq: number;
  scan: OpenedScan;
}

/**
 * Steps that otpauth links and the tray's screen scan leave in main's scan session: fetched when
 * the window starts (a link may have started Keyfob) and whenever main says one is waiting
 * (`take`); `showScan` then opens the Scan dialog, which shows `opened`. `screens` runs the tray's
 * screen scan from here, when it was asked for while Keyfob was locked.
 */
export function useOpenedScan(showScan: () => void) {
  const [opened, setOpened] = useState<OpenedStep | null>(null);
  const show = useLatest(showScan);
  const open = useCallback(
    (scan: OpenedScan | null) => {
      if (scan === null) return;
      setOpened((was) => ({ seq: (was?.seq ?? 0) + 1, scan }));
      show.current();
    },
    [show],
  );
  const take = useCallback(() => call('scan:opened').then(open, () => undefined), [open]);
  const screens = useCallback(
    () =>
      call('scan:screens').then(
        ({ message, step }) => open({ message, step }),
        (e: unknown) => open({ message: errorData(e).message, step: null }),
      ),
    [open],
  );
  useEffect(() => {
    void take();
  }, [take]);
  const clear = useCallback(() => setOpened(null), []);
  return { opened, take, screens, clear };
}
