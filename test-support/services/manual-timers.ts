import type { Timers } from '../../electron/services/clipboard-clear';

/** Timers that run only when a test says so. */
export interface ManualTimers extends Timers {
  /** Delays of the timers still scheduled, oldest first. */
  pending(): number[];
  /** Runs every timer still scheduled (as if their time had come), oldest first. */
  fireAll(): void;
}

/** A fresh {@link ManualTimers}. */
export function manualTimers(): ManualTimers {
  const scheduled = new Map<number, { fn: () => void; ms: number }>();
  let ids = 0;
  return {
    setTimeout(fn, ms) {
      scheduled.set(++ids, { fn, ms });
      return ids;
    },
    clearTimeout(id) {
      scheduled.delete(id as number);
    },
    pending: () => [...scheduled.values()].map((t) => t.ms),
    fireAll() {
      const due = [...scheduled.values()];
      scheduled.clear();
      for (const t of due) t.fn();
    },
  };
}
