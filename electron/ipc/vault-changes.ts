import { CHANNELS, type Channel } from '../../shared/ipc/channels';

/** Tells the account list changing in another process from this process's own writes. */
export interface VaultChanges {
  /** Remembers the list as it is now (at start). */
  start(): Promise<void>;
  /** Runs one request; after a channel the table marks as writing, the list on disk is this process's own. */
  around<T>(channel: Channel, run: () => Promise<T>): Promise<T>;
  /** Announces the change when the list differs from the one last seen (the folder watch calls this). */
  check(): Promise<void>;
}

/**
 * Change detection over `list()` that calls `announce()` for outside changes only (the CLI, another
 * window). Only writing requests update the baseline: if a read did, a renderer refresh landing
 * between another process's write and the debounced check would swallow that outside change.
 */
export function vaultChanges(list: () => Promise<unknown>, announce: () => void): VaultChanges {
  let known: string | null = null;
  let inFlight = 0;
  const snapshot = async (): Promise<string | null> => {
    try {
      return JSON.stringify(await list());
    } catch {
      return null;
    }
  };
  const check = async (): Promise<void> => {
    if (inFlight > 0) return void setTimeout(() => void check(), 100);
    const seen = await snapshot();
    if (seen === null || seen === known) return;
    known = seen;
    announce();
  };
  return {
    start: async () => void (known = await snapshot()),
    async around(channel, run) {
      inFlight++;
      try {
        const result = await run();
        if (CHANNELS[channel].writes) known = await snapshot();
        return result;
      } finally {
        inFlight--;
      }
    },
    check,
  };
}
