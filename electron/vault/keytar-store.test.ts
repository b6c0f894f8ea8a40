import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import { keytarSecretStore, PROBE_ID } from './keytar-store';
import { runChild } from '../../test-support/vault/child-runner';
import { record, tempHome, token, writeMetadata } from '../../test-support/vault/fixtures';
import {
  deleteService,
  isKeyringLocked,
  lockKeyring,
  rawKeytar,
  requirePrivateKeyring,
  uniqueService,
  unlockKeyring,
} from '../../test-support/vault/keyring';
import { Vault } from './vault';

// Real gnome-keyring behind a private D-Bus session (scripts/with-keyring.mjs).
const service = uniqueService('store');
const store = keytarSecretStore(service);
const homes: Array<() => void> = [];
beforeAll(() => requirePrivateKeyring());
afterEach(async () => {
  if (isKeyringLocked()) await unlockKeyring();
});
afterAll(async () => {
  await deleteService(service);
  for (const cleanup of homes) cleanup();
});
function home(): string {
  const h = tempHome();
  homes.push(h.cleanup);
  return h.home;
}
const codeOf = (p: Promise<unknown>) =>
  p.then(
    (v) => `ok ${JSON.stringify(v)}`,
    (e: unknown) => (e instanceof KeyfobError ? e.code : `raw ${String(e)}`),
  );

describe('keytarSecretStore on the real keyring', () => {
  it('stores, reads, lists, deletes; the probe item never shows', async () => {
    await store.set('id-1', 'JBSWY3DPEHPK3PXP');
    expect(await store.get('id-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(await store.get('id-none')).toBeNull();
    await store.probe?.();
    expect(await store.list()).toEqual([{ id: 'id-1', secret: 'JBSWY3DPEHPK3PXP' }]);
    expect((await (await rawKeytar()).findCredentials(service)).map((c) => c.account)).not.toContain(
      PROBE_ID,
    );
    expect(await store.delete('id-1')).toBe(true);
    expect(await store.delete('id-1')).toBe(false);
  });

  it('probes asked at the same moment (a focus and a change event at once) never overlap and all succeed', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => codeOf(store.probe?.() ?? Promise.resolve())),
    );
    expect(outcomes).toEqual(Array(6).fill('ok undefined'));
    expect(await (await rawKeytar()).getPassword(service, PROBE_ID)).toBeNull();
  });

  it('what keytar itself does on a locked gnome-keyring: null, false, an error — and a crash in findCredentials', async () => {
    const keytar = await rawKeytar();
    await keytar.setPassword(service, 'raw', 'AAAA');
    lockKeyring();
    expect(await keytar.getPassword(service, 'raw')).toBeNull();
    expect(await keytar.deletePassword(service, 'raw')).toBe(false);
    await expect(keytar.setPassword(service, 'raw2', 'BBBB')).rejects.toThrow(
      'Cannot create an item in a locked collection',
    );
    // This is why SecretStore.list() probes first: findCredentials kills the process.
    const child = spawnSync(
      process.execPath,
      ['-e', `require('keytar').findCredentials(${JSON.stringify(service)})`],
      {
        env: { ...process.env, NODE_PATH: join(__dirname, '../../node_modules') },
        encoding: 'utf8',
      },
    );
    expect(child.signal).toBe('SIGSEGV');
    await unlockKeyring();
    expect(await keytar.getPassword(service, 'raw')).toBe('AAAA');
    await keytar.deletePassword(service, 'raw');
  });

  it('locked: typed errors from the store, never a crash', async () => {
    await store.set('id-2', 'AAAA');
    lockKeyring();
    expect(await codeOf(store.get('id-2'))).toBe('ok null');
    expect(await codeOf(store.set('id-3', 'BBBB'))).toBe('keychain-locked');
    expect(await codeOf(store.delete('id-2'))).toBe('ok false');
    expect(await codeOf(store.list())).toBe('keychain-locked');
    expect(await codeOf(store.probe?.() ?? Promise.resolve())).toBe('keychain-locked');
    await unlockKeyring();
    expect(await store.get('id-2')).toBe('AAAA');
    await store.delete('id-2');
  });
});

describe('Vault with a locked keyring', () => {
  it('lists, refuses with keychain-locked, deletes nothing, and recovers once unlocked', async () => {
    const h = home();
    const { vault } = await Vault.open({ home: h, secrets: store });
    const a = await vault.add(token('A', 'a', 1));
    const b = await vault.add(token('B', 'b', 2, { type: 'hotp' }));
    const before = readFileSync(join(h, 'accounts.json'), 'utf8');
    lockKeyring();

    expect((await vault.list()).map((x) => x.id)).toEqual([a.id, b.id]);
    await expect(vault.secret(a.id)).rejects.toMatchObject({
      code: 'keychain-locked',
      message: expect.stringMatching(
        /^The system keychain \(Secret Service\) is locked\. Unlock your keyring/,
      ),
    });
    const all = await vault.secrets([a.id, b.id]);
    expect([...all.values()].map((v) => (v as KeyfobError).code)).toEqual([
      'keychain-locked',
      'keychain-locked',
    ]);
    expect(await codeOf(vault.remove(a.id))).toBe('keychain-locked');
    expect(await codeOf(vault.takeHotpCode(b.id, 0))).toBe('keychain-locked');
    expect(await codeOf(vault.add(token('C', 'c', 3)))).toBe('keychain-locked');
    expect(await codeOf(vault.audit())).toBe('keychain-locked');
    expect(readFileSync(join(h, 'accounts.json'), 'utf8')).toBe(before);
    const reopened = await Vault.open({ home: h, secrets: store });
    expect((await reopened.vault.list()).length).toBe(2);

    await unlockKeyring();
    expect(await vault.secret(a.id)).toEqual(token('A', 'a', 1).secret);
    expect(await vault.secret(b.id)).toEqual(token('B', 'b', 2).secret);
  });

  it('open keeps interrupted entries while locked and finishes them after unlocking', async () => {
    const h = home();
    await store.set('kept-pending', 'JBSWY3DPEHPK3PXP');
    await store.set('kept-deleting', 'JBSWY3DPEHPK3PXP');
    writeMetadata(h, [
      record('kept-pending', 'pending', { order: 0 }),
      record('kept-deleting', 'deleting', { order: 1 }),
    ]);
    lockKeyring();
    const locked = await Vault.open({ home: h, secrets: store });
    expect(locked.report.recovered).toEqual([
      expect.stringMatching(/^Could not check account 'Acme: kept-pending'.*is locked/),
      expect.stringMatching(/^Could not finish removing account 'Acme: kept-deleting'.*is locked/),
    ]);
    await unlockKeyring();
    expect(await store.get('kept-pending')).not.toBeNull();
    expect(await store.get('kept-deleting')).not.toBeNull();
    const unlocked = await Vault.open({ home: h, secrets: store });
    expect(unlocked.report.recovered).toEqual([
      "Recovered account 'Acme: kept-pending' whose save was interrupted.",
      "Finished removing account 'Acme: kept-deleting' whose removal was interrupted.",
    ]);
    expect((await unlocked.vault.list()).map((x) => x.id)).toEqual(['kept-pending']);
    expect(await store.get('kept-deleting')).toBeNull();
  });
});

describe('Vault without any Secret Service (D-Bus address pointing nowhere)', () => {
  it('lists, answers keychain-unavailable with what to do, deletes nothing', async () => {
    const h = home();
    const { vault } = await Vault.open({ home: h, secrets: store });
    const ids = [(await vault.add(token('A', 'a', 1))).id, (await vault.add(token('B', 'b', 2))).id];
    const before = readFileSync(join(h, 'accounts.json'), 'utf8');
    const child = await runChild(['probe'], h, service, {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
    });
    expect(child.stderr).toBe('');
    const unavailable =
      'keychain-unavailable: The system keychain (Secret Service) is not available: Could not connect: No such file or directory. ' +
      'Install and unlock a keyring (GNOME Keyring or KWallet) and try again.';
    expect(JSON.parse(child.stdout)).toEqual({
      listed: 2,
      recovered: [],
      secret: unavailable,
      secrets: unavailable,
      remove: unavailable,
      add: unavailable,
      audit: unavailable,
      listedAfter: 2,
    });
    expect(readFileSync(join(h, 'accounts.json'), 'utf8')).toBe(before);
    for (const id of ids) expect(await store.get(id)).not.toBeNull();
  });
});
