/** Where Ctrl+C arrives: the process, or a stand-in in tests. */
export interface SignalSource {
  on(signal: 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGINT', listener: () => void): unknown;
}

/** What Ctrl+C does while long work runs: the first press asks it to stop, a second ends at once. */
export interface InterruptHandlers {
  /** Ask the work to stop after the step in progress (it then reports what it did). */
  first(): void;
  /** End now, without waiting for that step (it is safe to stop anywhere). */
  second(): void;
}

/**
 * Takes over Ctrl+C (SIGINT) while long work runs: the first press calls `first`, any later one
 * `second`. Returns the function that gives Ctrl+C back (Node's default: end the process).
 */
export function onInterrupt(handlers: InterruptHandlers, source: SignalSource = process): () => void {
  let presses = 0;
  const listener = () => {
    presses++;
    if (presses === 1) handlers.first();
    else handlers.second();
  };
  source.on('SIGINT', listener);
  return () => void source.off('SIGINT', listener);
}
