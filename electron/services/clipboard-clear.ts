import type { ClipboardAdapter } from '../adapters/clipboard';

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Copies codes and wipes them later — but only if the clipboard still holds that same code. */
export interface ClipboardKeeper {
  /** Writes `code`; clears it after `clearAfterSeconds` (0 = never). A new copy replaces the pending clear. */
  copy(code: string, clearAfterSeconds: number): Promise<void>;
  /** Clears a still-pending code now (app quit) and cancels the timer. */
  flush(): Promise<void>;
  /**
   * Clears the last code copied if the clipboard still holds it, whatever the clearing time (even
   * "never"), and cancels the timer: the app locked, and a lock hides every code.
   */
  wipe(): Promise<void>;
}

/** A keeper over `clipboard`; `timers` defaults to the global ones. */
export function clipboardKeeper(
  clipboard: ClipboardAdapter,
  timers: Timers = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  },
): ClipboardKeeper {
  let pending: { code: string; handle: unknown } | null = null;
  let last: string | null = null;
  const clearIfStill = async (code: string): Promise<void> => {
    // Never wipe something the user copied since: only our own code is removed.
    if ((await clipboard.readText()) === code) await clipboard.writeText('');
  };
  const cancel = (): void => {
    if (pending !== null) timers.clearTimeout(pending.handle);
    pending = null;
  };
  return {
    async copy(code, clearAfterSeconds) {
      cancel();
      await clipboard.writeText(code);
      last = code;
      if (clearAfterSeconds <= 0) return;
      const handle = timers.setTimeout(() => {
        pending = null;
        clearIfStill(code).catch(() => console.warn('[keyfob] could not clear the clipboard'));
      }, clearAfterSeconds * 1000);
      pending = { code, handle };
    },
    async flush() {
      const code = pending?.code;
      cancel();
      if (code !== undefined) await clearIfStill(code);
    },
    async wipe() {
      const code = last;
      cancel();
      last = null;
      if (code !== null) await clearIfStill(code);
    },
  };
}
