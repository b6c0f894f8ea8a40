/**
 * Wraps `run` so that its runs never overlap and every caller gets a run that began after it
 * called: callers arriving while one runs share the next. For keychain probes: two at once on the
 * same item make gnome-keyring delete the item one is still reading, and a probe already under way
 * may predate a lock the caller needs to see.
 */
export function freshRuns(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const current = run().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (running === undefined) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
