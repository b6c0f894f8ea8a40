import { KeyfobError } from '../../shared/errors';
import type { LockStatus } from '../../shared/ipc/shapes';
import type { TouchIdAdapter } from '../adapters/touch-id';
import { LOCK_VERIFIER_ID } from '../vault/keytar-store';
import type { SecretStore } from '../vault/secret-store';
import { PasswordAttempts } from './attempts';
import { LOCK_COST, makeVerifier, passwordMatches, type ScryptCost } from './verifier';

/** The shortest lock password taken. */
export const MIN_LOCK_PASSWORD = 6;

/** What the app lock needs: the keychain for its verifier, Touch ID, a monotonic clock, whom to tell. */
export interface AppLockOptions {
  secrets: SecretStore;
  touchId: TouchIdAdapter;
  /** Whether the settings allow Touch ID now. */
  touchIdAllowed(): boolean;
  monotonic: () => number;
  /** Told after every change of the status. */
  onChange(status: LockStatus): void;
  /** Runs as the app locks (e.g. wipes a code Keyfob left on the clipboard). */
  onLock(): void;
  /** The scrypt cost of new verifiers (tests use a cheaper one). */
  cost?: ScryptCost;
}

/**
 * The optional app lock. Off until a password is set; its verifier (salt, cost, scrypt hash) is a
 * keychain item beside the seeds, so the lock is on exactly when that item exists. Until main has
 * read it (the keychain may be locked at start) the state is unknown and treated as locked.
 */
export interface AppLock {
  /** Locked, or not yet known (the keychain could not be read): seeds and codes stay shut. */
  isLocked(): boolean;
  /** True when a password is set and the app is open (auto-lock applies). */
  isOpenWithPassword(): boolean;
  /** Reads the verifier if the state is still unknown; keychain errors pass through. */
  settle(): Promise<void>;
  status(): LockStatus;
  /** Locks now (nothing happens without a password). */
  lock(): void;
  unlock(password: string): Promise<LockStatus>;
  unlockWithTouchId(): Promise<LockStatus>;
  /** Sets or changes the password; `current` is required once one is set. */
  setPassword(current: string | null, next: string): Promise<LockStatus>;
  /** Turns the lock off; the current password is required. */
  removePassword(current: string): Promise<LockStatus>;
}

type Mode = 'unknown' | 'off' | 'locked' | 'unlocked';

/** The app lock over the keychain item {@link LOCK_VERIFIER_ID}. */
export function appLock(options: AppLockOptions): AppLock {
  const { secrets } = options;
  const attempts = new PasswordAttempts(options.monotonic);
  let mode: Mode = 'unknown';
  let settling: Promise<void> | null = null;

  const status = (): LockStatus => {
    const enabled = mode === 'locked' || mode === 'unlocked';
    const touchIdPresent = options.touchId.available();
    const touchId = enabled && options.touchIdAllowed() && touchIdPresent;
    return { enabled, locked: mode === 'locked', touchId, touchIdPresent, retryInMs: attempts.waitMs() };
  };
  const become = (next: Mode): LockStatus => {
    if (next === 'locked' && mode !== 'locked') options.onLock();
    mode = next;
    const now = status();
    options.onChange(now);
    return now;
  };
  /** The stored verifier, or null when none is set; a locked keychain (null from keytar too) throws. */
  const readVerifier = async (): Promise<string | null> => {
    const verifier = await secrets.get(LOCK_VERIFIER_ID);
    if (verifier === null) await secrets.probe?.();
    return verifier;
  };
  const settle = (): Promise<void> => {
    if (mode !== 'unknown') return Promise.resolve();
    settling ??= readVerifier()
      .then((verifier) => {
        if (mode === 'unknown') become(verifier === null ? 'off' : 'locked');
      })
      .finally(() => (settling = null));
    return settling;
  };
  /** Checks `password` against the verifier as one rate-limited attempt; `field` names the form field. */
  const check = async (password: string, field: string): Promise<void> => {
    const ok = await attempts.attempt(async () => {
      const verifier = await readVerifier();
      if (verifier === null) throw new KeyfobError('not-found', 'No lock password is set.');
      return passwordMatches(password, verifier);
    });
    if (ok) return;
    const wait = Math.ceil(attempts.waitMs() / 1000);
    throw new KeyfobError('invalid-input', `Wrong password. Try again in ${wait} s.`, field);
  };
  const needOpen = (): void => {
    if (mode === 'locked' || mode === 'unknown') throw lockedError();
  };

  return {
    isLocked: () => mode === 'locked' || mode === 'unknown',
    isOpenWithPassword: () => mode === 'unlocked',
    settle,
    status,
    lock() {
      if (mode === 'unlocked') become('locked');
    },
    async unlock(password) {
      await settle();
      if (mode !== 'locked') return status();
      await check(password, 'password');
      return become('unlocked');
    },
    async unlockWithTouchId() {
      await settle();
      if (mode !== 'locked') return status();
      if (!status().touchId)
        throw new KeyfobError('invalid-input', 'Touch ID is not available here; type the password.');
      if (!(await options.touchId.prompt('unlock Keyfob')))
        throw new KeyfobError('invalid-input', 'Touch ID did not confirm it is you; type the password.');
      return become(mode === 'locked' ? 'unlocked' : mode);
    },
    async setPassword(current, next) {
      await settle();
      needOpen();
      if (next.length < MIN_LOCK_PASSWORD)
        throw new KeyfobError(
          'invalid-input',
          `Choose a password of at least ${MIN_LOCK_PASSWORD} characters.`,
          'new',
        );
      if (mode === 'unlocked') await check(current ?? '', 'current');
      await secrets.set(LOCK_VERIFIER_ID, await makeVerifier(next, options.cost ?? LOCK_COST));
      return become('unlocked');
    },
    async removePassword(current) {
      await settle();
      needOpen();
      if (mode === 'off') return status();
      await check(current, 'current');
      if (!(await secrets.delete(LOCK_VERIFIER_ID))) await secrets.probe?.();
      return become('off');
    },
  };
}

/** The refusal of a channel that would show a code or a seed while the app is locked. */
export function lockedError(): KeyfobError {
  return new KeyfobError('app-locked', 'Keyfob is locked. Unlock it to see codes and keys.');
}
