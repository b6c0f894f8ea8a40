import type { PowerAdapter, PowerEvent } from '../../electron/adapters/power';

/** A power monitor a test drives: it sends the events and sets the system's idle time. */
export interface FakePower extends PowerAdapter {
  /** Sends `event` to every listener, as the system would. */
  emit(event: PowerEvent): void;
  /** The idle time the system reports from now on (seconds). */
  setIdleSeconds(seconds: number): void;
}

/** A fresh {@link FakePower}: no input for 0 s. */
export function fakePower(): FakePower {
  const listeners = new Map<PowerEvent, Set<() => void>>();
  let idle = 0;
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
    idleSeconds: () => idle,
    emit: (event) => listeners.get(event)?.forEach((listener) => listener()),
    setIdleSeconds: (seconds) => void (idle = seconds),
  };
}
