import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorData } from '../bridge';
import type { ErrorData } from '../../../shared/errors';

/** How long a deleted account can be brought back before it is really removed. */
export const UNDO_DELETE_MS = 10_000;

/**
 * Deletes with Undo by DEFERRING the real `accounts:remove`: the row disappears at once, the
 * vault is only touched after {@link UNDO_DELETE_MS}. If the window closes first the timer dies
 * with it and the account is simply kept — losing a delete is harmless, losing an account is not.
 */
export function usePendingDeletes(onRemoved: () => void, onFailed: (error: ErrorData) => void) {
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const forget = useCallback((id: string) => {
    timers.current.delete(id);
    setPending((prev) => {
      const next = new Set(prev);
      next.delete(id);
      return next;
    });
  }, []);

  const schedule = useCallback(
    (id: string) => {
      setPending((prev) => new Set(prev).add(id));
      const timer = setTimeout(async () => {
        try {
          await call('accounts:remove', id);
          onRemoved();
        } catch (err) {
          onFailed(errorData(err));
        } finally {
          forget(id);
        }
      }, UNDO_DELETE_MS);
      timers.current.set(id, timer);
    },
    [forget, onRemoved, onFailed],
  );

  /** Brings a pending delete back; false when it was already carried out. */
  const undo = useCallback(
    (id: string) => {
      const timer = timers.current.get(id);
      if (timer === undefined) return false;
      clearTimeout(timer);
      forget(id);
      return true;
    },
    [forget],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);

  return { pending, schedule, undo };
}
