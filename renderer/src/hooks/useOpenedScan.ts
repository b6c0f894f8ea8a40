import { useCallback, useEffect, useState } from 'react';
import type { OpenedScan } from '../../../shared/ipc/shapes';
import { call } from '../bridge';
import { useLatest } from './useLatest';

/** A step an opened link or the tray's screen scan left in main, numbered so the Scan dialog shows each once. */
export interface OpenedStep {
  seq: number;
  scan: OpenedScan;
}

/**
 * Steps that otpauth links and the tray's screen scan leave in main's scan session: fetched when
 * the window starts (a link may have started Keyfob) and whenever main says one is waiting
 * (`take`); `showScan` then opens the Scan dialog, which shows `opened`.
 */
export function useOpenedScan(showScan: () => void) {
  const [opened, setOpened] = useState<OpenedStep | null>(null);
  const show = useLatest(showScan);
  const take = useCallback(
    () =>
      call('scan:opened').then(
        (scan) => {
          if (scan === null) return;
          setOpened((was) => ({ seq: (was?.seq ?? 0) + 1, scan }));
          show.current();
        },
        () => undefined,
      ),
    [show],
  );
  useEffect(() => {
    void take();
  }, [take]);
  const clear = useCallback(() => setOpened(null), []);
  return { opened, take, clear };
}
