import { useEffect, useRef, useState } from 'react';
import type { DraftCheck, ManualDraft } from '../../../shared/ipc/shapes';
import { call } from '../bridge';

/** Pause after the last keystroke before asking main to check the draft. */
export const DRAFT_CHECK_DELAY_MS = 150;

/**
 * Asks main to validate the draft as the user types (debounced), and again when the previewed
 * code's period ends so the preview never shows a stale code. Late replies are dropped.
 */
export function useDraftCheck(draft: ManualDraft) {
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const result = await call('accounts:check-draft', draft);
        if (mine === seq.current) setCheck(result);
      } catch {
        if (mine === seq.current) setCheck(null);
      }
    }, DRAFT_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, tick]);

  const until = check?.preview?.validUntilMs ?? null;
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setTick((t) => t + 1), Math.max(1_000, until - Date.now() + 40));
    return () => clearTimeout(timer);
  }, [until]);

  /** Checks the draft right now (on submit), updating the shown result too. */
  const checkNow = async (): Promise<DraftCheck> => {
    const mine = ++seq.current;
    const result = await call('accounts:check-draft', draft);
    if (mine === seq.current) setCheck(result);
    return result;
  };

  return { check, checkNow };
}
