import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode } from '../core';
import { keytarSecretStore } from './keytar-store';
import type { SecretStore } from './secret-store';
import { tempHome, token } from '../../test-support/vault/fixtures';
import {
  deleteService,
  rawKeytar,
  requirePrivateKeyring,
  uniqueService,
} from '../../test-support/vault/keyring';
import { Vault } from './vault';

// The vault on the real gnome-keyring, including the 500-account timings quoted in the docs.
const service = uniqueService('vault');
const { home, cleanup } = tempHome();
beforeAll(() => requirePrivateKeyring());
afterAll(async () => {
  await deleteService(service);
  cleanup();
});

/** Counts keychain calls, to prove open() and list() make none. */
function counting(inner: SecretStore): SecretStore & { count: number } {
  const wrapped = {
    count: 0,
    get: (id: string) => (wrapped.count++, inner.get(id)),
    set: (id: string, s: string) => (wrapped.count++, inner.set(id, s)),
    delete: (id: string) => (wrapped.count++, inner.delete(id)),
    list: () => (wrapped.count++, inner.list()),
    probe: () => (wrapped.count++, inner.probe?.() ?? Promise.resolve()),
  };
  return wrapped;
}

describe('Vault on the real keyring', () => {
  it('round-trips a secret as upper-case base32 under the account id', async () => {
    const { vault } = await Vault.open({ home, secrets: keytarSecretStore(service) });
    const t = token('GitHub', 'alice', 42);
    const a = await vault.add(t);
    expect(await (await rawKeytar()).getPassword(service, a.id)).toBe(base32Encode(t.secret));
    expect(await vault.secret(a.id)).toEqual(t.secret);
    await expect(vault.add(t)).rejects.toMatchObject({ code: 'duplicate' });
    await vault.remove(a.id);
    expect(await (await rawKeytar()).getPassword(service, a.id)).toBeNull();
  });

  it('adopts a keychain item that no account lists (audit)', async () => {
    const { vault } = await Vault.open({ home, secrets: keytarSecretStore(service) });
    await (
      await rawKeytar()
    ).setPassword(service, 'feedbeef-0000-4000-8000-000000000000', 'JBSWY3DPEHPK3PXP');
    const report = await vault.audit();
    expect(report.recovered).toEqual([expect.stringMatching(/added it as 'Recovered feedbeef'/)]);
    const adopted = (await vault.list()).find((x) => x.account === 'Recovered feedbeef');
    expect(adopted?.id).toBe('feedbeef-0000-4000-8000-000000000000');
    await vault.remove(adopted?.id ?? '');
  });

  it(
    '500 accounts: open + list make no keychain calls; secrets() reads them all',
    { timeout: 300_000 },
    async () => {
      const { vault } = await Vault.open({ home, secrets: keytarSecretStore(service) });
      let t = performance.now();
      for (let i = 0; i < 500; i++) await vault.add(token('Bulk', `user${i}`, i), { allowDuplicate: true });
      const addMs = performance.now() - t;

      const secrets = counting(keytarSecretStore(service));
      t = performance.now();
      const opened = await Vault.open({ home, secrets });
      const listed = await opened.vault.list();
      const openListMs = performance.now() - t;
      expect(listed.length).toBe(500);
      expect(secrets.count).toBe(0);

      t = performance.now();
      const all = await opened.vault.secrets(listed.map((a) => a.id));
      const secretsMs = performance.now() - t;
      expect([...all.values()].every((v) => v instanceof Uint8Array)).toBe(true);
      expect(all.get(listed[123]?.id ?? '')).toEqual(token('Bulk', 'user123', 123).secret);

      t = performance.now();
      const audit = await opened.vault.audit();
      const auditMs = performance.now() - t;
      expect(audit.recovered).toEqual([]);

      console.log(
        `[vault timings, 500 accounts, real gnome-keyring] add each: ${(addMs / 500).toFixed(1)} ms; ` +
          `open + list: ${openListMs.toFixed(1)} ms; secrets(500): ${secretsMs.toFixed(0)} ms; audit: ${auditMs.toFixed(0)} ms`,
      );
      expect(openListMs).toBeLessThan(250);
    },
  );
});
