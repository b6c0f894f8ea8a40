import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noTouchId } from '../adapters/touch-id';
import { keytarSecretStore, LOCK_VERIFIER_ID } from '../vault/keytar-store';
import { Vault } from '../vault/vault';
import { tempHome, token } from '../../test-support/vault/fixtures';
import {
  deleteService,
  isKeyringLocked,
  lockKeyring,
  rawKeytar,
  requirePrivateKeyring,
  uniqueService,
  unlockKeyring,
} from '../../test-support/vault/keyring';
import { appLock } from './app-lock';

// The lock's verifier on the real gnome-keyring (scripts/with-keyring.mjs), beside a vault's seeds.
const service = uniqueService('lock');
const { home, cleanup } = tempHome();
const lockOver = (store = keytarSecretStore(service, 'linux', { home })) =>
  appLock({
    secrets: store,
    touchId: noTouchId,
    touchIdAllowed: () => false,
    monotonic: () => 0,
    cost: { ln: 10, r: 8, p: 1 },
    onChange: () => undefined,
    onLock: () => undefined,
  });

beforeAll(() => requirePrivateKeyring());
afterEach(async () => {
  if (isKeyringLocked()) await unlockKeyring();
});
afterAll(async () => {
  await deleteService(service);
  cleanup();
});

describe('the lock verifier in the keychain', () => {
  it('is an item of the vault service that holds no password, and the audit never adopts it', async () => {
    const secrets = keytarSecretStore(service, 'linux', { home });
    const { vault } = await Vault.open({ home, secrets });
    const account = await vault.add(token('Site', 'me'));
    await lockOver().setPassword(null, 'correct horse');

    const stored = await (await rawKeytar()).getPassword(service, LOCK_VERIFIER_ID);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(stored).not.toContain('correct horse');
    expect((await secrets.list()).map((item) => item.id)).toEqual([account.id]);
    const report = await vault.audit();
    expect(report.recovered).toEqual([]);
    expect((await vault.list()).map((a) => a.id)).toEqual([account.id]);
    // The Secret Service batch read still answers with the verifier beside the seeds, and leaves it out.
    const all = await secrets.readAll?.();
    expect(all === null || all === undefined ? null : [...all.keys()]).toEqual([account.id]);
  });

  it('makes a new start locked, and stays unknown while the keyring is locked', async () => {
    await (await rawKeytar()).deletePassword(service, LOCK_VERIFIER_ID);
    await lockOver().setPassword(null, 'correct horse');
    lockKeyring();
    const again = lockOver();
    await expect(again.settle()).rejects.toMatchObject({ code: 'keychain-locked' });
    expect(again.isLocked()).toBe(true);
    await unlockKeyring();
    await again.settle();
    expect(again.status()).toMatchObject({ enabled: true, locked: true });
    expect(await again.unlock('correct horse')).toMatchObject({ locked: false });
  });
});
