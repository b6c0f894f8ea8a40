import type { LockStatus, Settings } from '../../shared/ipc/shapes';
import type { PowerAdapter } from '../adapters/power';
import { noTouchId, type TouchIdAdapter } from '../adapters/touch-id';
import type { Timers } from '../services/clipboard-clear';
import type { SecretStore } from '../vault/secret-store';
import { appLock, lockedError, type AppLock } from './app-lock';
import { autoLock } from './auto-lock';
import type { ScryptCost } from './verifier';

/** What the lock service is built over; power and Touch ID are optional (tests, Linux). */
export interface LockServiceOptions {
  secrets: SecretStore;
  touchId?: TouchIdAdapter;
  power?: PowerAdapter;
  now: () => number;
  monotonic: () => number;
  timers: Timers;
  /** The settings as they are now (auto-lock minutes, Touch ID allowed). */
  settings(): Pick<Settings, 'autoLockMinutes' | 'touchIdUnlock'>;
  onChange(status: LockStatus): void;
  onLock(): void;
  cost?: ScryptCost;
}

/** The app lock with auto-lock, and the guard main puts before every channel that shows codes or seeds. */
export interface LockService extends AppLock {
  /** The user did something in Keyfob's window (resets the app's idle time). */
  activity(): void;
  /**
   * Runs before a channel marked `refuse` while locked: settles an unknown state (keychain errors
   * pass through), locks if the idle time is up, then refuses with 'app-locked' while locked.
   */
  guard(): Promise<void>;
  /** Settles once the app is open: at once when it is, else at the next unlock (or the lock's removal). */
  unlocked(): Promise<void>;
  /** The settings changed: auto-lock takes the new time, the status the Touch ID choice. */
  settingsChanged(): void;
  close(): void;
}

/** The lock service: {@link appLock} plus {@link autoLock}, wired to each other. */
export function lockService(options: LockServiceOptions): LockService {
  let auto: ReturnType<typeof autoLock> | null = null;
  const opening = new Set<() => void>();
  const lock = appLock({
    secrets: options.secrets,
    touchId: options.touchId ?? noTouchId,
    touchIdAllowed: () => options.settings().touchIdUnlock,
    monotonic: options.monotonic,
    cost: options.cost,
    onLock: options.onLock,
    onChange(status) {
      // Unlocking (or setting a password) starts the idle time afresh.
      if (!status.locked) auto?.activity();
      auto?.check();
      options.onChange(status);
      if (!status.locked) {
        opening.forEach((resolve) => resolve());
        opening.clear();
      }
    },
  });
  const watcher = autoLock({
    lock,
    power: options.power,
    now: options.now,
    timers: options.timers,
    minutes: () => options.settings().autoLockMinutes,
  });
  auto = watcher;
  return {
    ...lock,
    activity: () => watcher.activity(),
    async guard() {
      await lock.settle();
      watcher.check();
      if (lock.isLocked()) throw lockedError();
    },
    unlocked: () =>
      lock.isLocked() ? new Promise<void>((resolve) => void opening.add(resolve)) : Promise.resolve(),
    settingsChanged() {
      watcher.check();
      options.onChange(lock.status());
    },
    close: () => watcher.close(),
  };
}
