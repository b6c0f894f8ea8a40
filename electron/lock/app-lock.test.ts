import { describe, expect, it } from 'vitest';
import type { LockStatus } from '../../shared/ipc/shapes';
import { fakeTouchId } from '../../test-support/adapters/fake-touch-id';
import { memorySecretStore } from '../../test-support/vault/memory-secret-store';
import { LOCK_VERIFIER_ID } from '../vault/keytar-store';
import { appLock } from './app-lock';

/** An app lock over an in-memory keychain, a cheap scrypt cost and a monotonic clock the test moves. */
function setup() {
  const secrets = memorySecretStore();
  const touchId = fakeTouchId();
  const changes: LockStatus[] = [];
  let locks = 0;
  let mono = 0;
  let touchIdAllowed = true;
  const lock = appLock({
    secrets,
    touchId,
    touchIdAllowed: () => touchIdAllowed,
    monotonic: () => mono,
    cost: { ln: 10, r: 8, p: 1 },
    onChange: (status) => changes.push(status),
    onLock: () => void locks++,
  });
  return {
    lock,
    secrets,
    touchId,
    changes,
    locks: () => locks,
    pass: (ms: number) => void (mono += ms),
    allowTouchId: (on: boolean) => void (touchIdAllowed = on),
  };
}

const OPEN = { enabled: true, locked: false, touchId: true, touchIdPresent: true, retryInMs: 0 };
const OFF = { enabled: false, locked: false, touchId: false, touchIdPresent: true, retryInMs: 0 };
const LOCKED = { ...OPEN, locked: true };

describe('the app lock', () => {
  it('is off until a password is set; locking then does nothing', async () => {
    const { lock } = setup();
    expect(lock.isLocked()).toBe(true); // not known before the keychain was read
    await lock.settle();
    expect(lock.status()).toEqual(OFF);
    lock.lock();
    expect(lock.isLocked()).toBe(false);
  });

  it('keeps a scrypt verifier in the keychain, never the password', async () => {
    const { lock, secrets } = setup();
    expect(await lock.setPassword(null, 'correct horse')).toEqual(OPEN);
    const stored = secrets.items.get(LOCK_VERIFIER_ID) ?? '';
    expect(stored).toMatch(/^\$scrypt\$/);
    expect([...secrets.items.values()].join()).not.toContain('correct horse');
  });

  it('locks (wiping the clipboard), refuses a wrong password with a growing wait, opens with the right one', async () => {
    const { lock, changes, locks, pass } = setup();
    await lock.setPassword(null, 'correct horse');
    lock.lock();
    expect(lock.isLocked()).toBe(true);
    expect(changes.at(-1)).toEqual(LOCKED);
    expect(locks()).toBe(1);

    await expect(lock.unlock('wrong')).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'password',
      message: 'Wrong password. Try again in 1 s.',
    });
    expect(lock.status().retryInMs).toBe(1_000);
    await expect(lock.unlock('correct horse')).rejects.toMatchObject({ code: 'busy' });
    pass(1_000);
    await expect(lock.unlock('wrong again')).rejects.toMatchObject({ message: /Try again in 2 s/ });
    pass(2_000);
    expect(await lock.unlock('correct horse')).toEqual(OPEN);
    expect(lock.isLocked()).toBe(false);
  });

  it('starts locked when a verifier is already in the keychain', async () => {
    const first = setup();
    await first.lock.setPassword(null, 'correct horse');
    const again = setup();
    again.secrets.items.set(LOCK_VERIFIER_ID, first.secrets.items.get(LOCK_VERIFIER_ID) ?? '');
    await again.lock.settle();
    expect(again.lock.status()).toEqual(LOCKED);
  });

  it.each([
    ['locked', 'keychain-locked'],
    ['unavailable', 'keychain-unavailable'],
  ] as const)(
    'stays unknown (so shut) while the keychain is %s, and settles once it is back',
    async (mode, code) => {
      const { lock, secrets } = setup();
      secrets.items.set(LOCK_VERIFIER_ID, 'anything');
      secrets.mode = mode;
      await expect(lock.settle()).rejects.toMatchObject({ code });
      expect(lock.isLocked()).toBe(true);
      secrets.mode = 'ok';
      await lock.settle();
      expect(lock.status().locked).toBe(true);
    },
  );

  it('changes and removes the password only with the current one', async () => {
    const { lock, pass } = setup();
    await lock.setPassword(null, 'first password');
    await expect(lock.setPassword(null, 'second password')).rejects.toMatchObject({ field: 'current' });
    pass(1_000);
    await expect(lock.setPassword('first password', 'short')).rejects.toMatchObject({
      field: 'new',
      message: 'Choose a password of at least 6 characters.',
    });
    await lock.setPassword('first password', 'second password');
    lock.lock();
    await expect(lock.unlock('first password')).rejects.toMatchObject({ field: 'password' });
  });

  it('turns off with the current password and deletes the verifier', async () => {
    const { lock, secrets, pass } = setup();
    await lock.setPassword(null, 'first password');
    await expect(lock.removePassword('nope')).rejects.toMatchObject({ field: 'current' });
    pass(1_000);
    expect(await lock.removePassword('first password')).toEqual(OFF);
    expect(secrets.items.has(LOCK_VERIFIER_ID)).toBe(false);
  });

  it('refuses to change the password while locked', async () => {
    const { lock } = setup();
    await lock.setPassword(null, 'first password');
    lock.lock();
    await expect(lock.setPassword('first password', 'other password')).rejects.toMatchObject({
      code: 'app-locked',
    });
    await expect(lock.removePassword('first password')).rejects.toMatchObject({ code: 'app-locked' });
  });

  it('unlocks with Touch ID when present and allowed; a failed prompt leaves it locked', async () => {
    const { lock, touchId, allowTouchId } = setup();
    await lock.setPassword(null, 'first password');
    lock.lock();
    touchId.answer = false;
    await expect(lock.unlockWithTouchId()).rejects.toMatchObject({ message: /did not confirm/ });
    expect(lock.isLocked()).toBe(true);
    touchId.answer = true;
    expect(await lock.unlockWithTouchId()).toEqual(OPEN);
    expect(touchId.prompts).toEqual(['unlock Keyfob', 'unlock Keyfob']);

    lock.lock();
    allowTouchId(false);
    expect(lock.status().touchId).toBe(false);
    await expect(lock.unlockWithTouchId()).rejects.toMatchObject({ message: /not available/ });
    allowTouchId(true);
    touchId.present = false;
    await expect(lock.unlockWithTouchId()).rejects.toMatchObject({ message: /not available/ });
  });
});
