/** One subscriber of the shared once-a-second ticker: told the time, it updates its own DOM. */
export type TickListener = (nowMs: number) => void;

const listeners = new Set<TickListener>();
let timer: ReturnType<typeof setTimeout> | undefined;

const hidden = (): boolean => typeof document !== 'undefined' && document.visibilityState === 'hidden';

// One timer for the whole window, aligned to the next wall-clock second: per-second text
// (aria-valuenow, "12 seconds left") changes in place, without a React render of any row. It
// stops while the window is hidden (nobody sees the seconds) and catches up when it shows again.
function schedule(): void {
  if (hidden()) return;
  timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
}

function tick(): void {
  timer = undefined;
  const now = Date.now();
  for (const listener of listeners) listener(now);
  if (listeners.size > 0) schedule();
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    clearTimeout(timer);
    timer = undefined;
    if (!hidden() && listeners.size > 0) tick();
  });
}

/** Calls `listener` now and at every following second until the returned function is called. */
export function subscribeToSeconds(listener: TickListener): () => void {
  listeners.add(listener);
  listener(Date.now());
  if (timer === undefined) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}
