import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode } from '../core';
import { keytarSecretStore } from './keytar-store';
import { tempHome, token } from '../../test-support/vault/fixtures';
import {
  deleteService,
  rawKeytar,
  requirePrivateKeyring,
  uniqueService,
} from '../../test-support/vault/keyring';
import { Vault } from './vault';

// Replace and restore on the real gnome-keyring (private, via scripts/with-keyring.mjs).
const service = uniqueService('replace');
const { home, cleanup } = tempHome();
beforeAll(() => requirePrivateKeyring());
afterAll(async () => {
  await deleteService(service);
  cleanup();
});

describe('replace and restore on the real keyring', () => {
  it('keeps the old key as its own item, restores it, purges it after 30 days', async () => {
    let clock = Date.parse('2025-03-01T00:00:00.000Z');
    const open = () => Vault.open({ home, secrets: keytarSecretStore(service), now: () => clock });
    const { vault } = await open();
    const old = token('GitHub', 'alice', 1);
    const fresh = token('GitHub', 'alice', 2);
    const acct = await vault.add(old);
    await vault.replaceKey(acct.id, fresh);
    const keytar = await rawKeytar();
    expect(await keytar.getPassword(service, acct.id)).toBe(base32Encode(fresh.secret));
    expect(await keytar.getPassword(service, `${acct.id}.replaced-${clock}`)).toBe(base32Encode(old.secret));

    clock += 1000;
    await vault.restoreKey(acct.id);
    expect(await vault.secret(acct.id)).toEqual(old.secret);
    expect(await keytar.getPassword(service, `${acct.id}.replaced-${clock - 1000}`)).toBeNull();
    expect(await keytar.getPassword(service, `${acct.id}.replaced-${clock}`)).toBe(
      base32Encode(fresh.secret),
    );

    clock += 31 * 24 * 60 * 60 * 1000;
    const { report } = await open();
    expect(report.recovered).toEqual([
      `Deleted a replaced key of 'GitHub: alice' kept for more than 30 days.`,
    ]);
    const items = (await keytar.findCredentials(service)).map((c) => c.account);
    expect(items).toEqual([acct.id]);
  });
});
