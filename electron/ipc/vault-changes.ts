import { CHANNELS, type Channel } from '../../shared/ipc/channels';

/**
 * Calls `announce()` when `list()` changes in another process (the CLI, another window), never for
 * this process's own writes. Only channels the table marks as writing update the remembered list: if
 * a read did, a refresh landing between another process's write and the debounced check would
 * swallow that outside change.
 */
export async function vaultChanges(list: () => Promise<unknown>, announce: () => void) {
  let inFlight = 0;
  const snapshot = async (): Promise<string | null> => {
    try {
      return JSON.stringify(await list());
    } catch {
      return null;
    }
  };
  let known = await snapshot();
  /** Announces the change when the list differs from the one last seen (the folder watch calls this). */
  const check = async (): Promise<void> => {
    if (inFlight > 0) return void setTimeout(() => void check(), 100);
    const seen = await snapshot();
    if (seen === null || seen === known) return;
    known = seen;
    announce();
  };
  return {
    /** Runs one request; after a writing channel (even failed), the list on disk is this process's own. */
    async around<T>(channel: Channel, run: () => Promise<T>): Promise<T> {
      inFlight++;
      try {
        return await run();
      } finally {
        if (CHANNELS[channel].writes) known = await snapshot();
        inFlight--;
      }
    },
    check,
  };
}
