import type { PowerAdapter } from '../adapters/power';
import type { Timers } from '../services/clipboard-clear';
import type { AppLock } from './app-lock';

/** What auto-lock watches: the lock, the system's events and idle time, the app's clock and timers. */
export interface AutoLockOptions {
  lock: AppLock;
  power?: PowerAdapter;
  now: () => number;
  timers: Timers;
  /** Minutes without input before locking; 0: never because of idle time. */
  minutes(): number;
}

/** Locks the app after idle time, on suspend and on system screen lock. */
export interface AutoLock {
  /** The user did something in Keyfob's window. */
  activity(): void;
  /** Locks now if the idle time is up; else waits for the rest of it with one timer. */
  check(): void;
  close(): void;
}

/**
 * Idle time is the smaller of the system's (no input anywhere) and the app's own (no input in
 * Keyfob's window): using Keyfob keeps it open even where the system's figure is wrong (Wayland
 * ignores keyboard-only use). One timer, set for when the time would be up, never ticks meanwhile.
 */
export function autoLock(options: AutoLockOptions): AutoLock {
  const { lock, power, timers } = options;
  let lastActivity = options.now();
  let timer: unknown;
  const idleSeconds = (): number =>
    Math.min(power?.idleSeconds() ?? Infinity, Math.max(0, (options.now() - lastActivity) / 1000));
  const cancel = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  const check = (): void => {
    cancel();
    const limit = options.minutes() * 60;
    if (!lock.isOpenWithPassword() || limit <= 0) return;
    const idle = idleSeconds();
    if (idle >= limit) return lock.lock();
    timer = timers.setTimeout(check, Math.max(1, limit - idle) * 1000);
  };
  const lockNow = (): void => lock.lock();
  const off = power === undefined ? [] : [power.on('suspend', lockNow), power.on('lock-screen', lockNow)];
  return {
    activity() {
      lastActivity = options.now();
    },
    check,
    close() {
      cancel();
      off.forEach((unsubscribe) => unsubscribe());
    },
  };
}
