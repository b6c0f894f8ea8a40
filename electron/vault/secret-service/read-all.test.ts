import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode } from '../../core';
import { keytarSecretStore } from '../keytar-store';
import { record, tempHome, token, writeMetadata } from '../../../test-support/vault/fixtures';
import {
  deleteService,
  isKeyringLocked,
  lockKeyring,
  rawKeytar,
  requirePrivateKeyring,
  uniqueService,
  unlockKeyring,
} from '../../../test-support/vault/keyring';
import { Vault } from '../vault';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_FILE, INDEX_KEY_ID, type IndexFile } from './item-index';
import { readSecretServiceItems } from './read-all';

// Real gnome-keyring behind a private D-Bus session (scripts/with-keyring.mjs).
const service = uniqueService('batch');
const other = uniqueService('batch-other');
const secretOf = (i: number) => base32Encode(token('Batch', `u${i}`, i).secret);
const ids = Array.from(
  { length: 40 },
  (_, i) => `0000${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
);
beforeAll(async () => {
  requirePrivateKeyring();
  const keytar = await rawKeytar();
  await Promise.all(ids.map((id, i) => keytar.setPassword(service, id, secretOf(i))));
  await keytar.setPassword(other, 'elsewhere', 'JBSWY3DPEHPK3PXP');
});
afterEach(async () => {
  if (isKeyringLocked()) await unlockKeyring();
});
afterAll(async () => {
  await deleteService(service);
  await deleteService(other);
});

describe('Secret Service batch read (real gnome-keyring)', () => {
  it("returns exactly the service's keytar items, decrypted from an encrypted session", async () => {
    const all = await readSecretServiceItems(service);
    expect(all?.size).toBe(ids.length);
    for (const [i, id] of ids.entries()) expect(all?.get(id)).toBe(secretOf(i));
    expect(await readSecretServiceItems(uniqueService('empty'))).toEqual(new Map());
  });

  it('agrees with keytar over many sessions (each a fresh Diffie-Hellman key)', async () => {
    const results = await Promise.all(Array.from({ length: 24 }, () => readSecretServiceItems(other)));
    // A declined exchange (1 in 256) is retried with a fresh key, so every read answers.
    const answered = results.filter((r) => r !== null);
    expect(answered).toHaveLength(24);
    for (const r of answered) expect([...r]).toEqual([['elsewhere', 'JBSWY3DPEHPK3PXP']]);
  });

  it('leaves out an item that does not hold base32 (keytar reads it, and the vault names it)', async () => {
    const keytar = await rawKeytar();
    await keytar.setPassword(service, 'damaged', 'not base32 at all');
    try {
      const all = await readSecretServiceItems(service);
      expect(all?.has('damaged')).toBe(false);
      expect(all?.size).toBe(ids.length);
    } finally {
      await keytar.deletePassword(service, 'damaged');
    }
  });

  it('remembers which item holds which account, and trusts nothing it cannot verify', async () => {
    const { home, cleanup } = tempHome();
    const keytar = await rawKeytar();
    const indexFile = join(home, INDEX_FILE);
    const read = async () => {
      let lookups = -1;
      const items = await readSecretServiceItems(service, {
        indexFile,
        store: (id, secret) => keytar.setPassword(service, id, secret),
        onLookups: (n) => (lookups = n),
      });
      for (const [i, id] of ids.entries()) expect(items?.get(id)).toBe(secretOf(i));
      expect(items?.has(INDEX_KEY_ID)).toBe(false);
      return lookups;
    };
    const index = () => JSON.parse(readFileSync(indexFile, 'utf8')) as IndexFile;
    try {
      expect(await read()).toBe(ids.length); // no key yet: every item looked up, then a key is made
      expect(await keytar.getPassword(service, INDEX_KEY_ID)).toMatch(/^[A-Z2-7]{52}$/);
      expect(await read()).toBe(ids.length + 1); // the key's item is new too; now the index is written
      expect(Object.keys(index().items)).toHaveLength(ids.length);
      expect(readFileSync(indexFile, 'utf8')).not.toContain(secretOf(0));
      expect(await read()).toBe(1); // only the key's own item, which is never taken from the file

      // Swap two pairings (as a reused path would look): neither HMAC verifies, both are looked up.
      const swapped = index();
      const [p1, p2] = Object.keys(swapped.items) as [string, string];
      const [a, b] = [swapped.items[p1], swapped.items[p2]] as [[string, string], [string, string]];
      swapped.items[p1] = [b[0], a[1]];
      swapped.items[p2] = [a[0], b[1]];
      writeFileSync(indexFile, JSON.stringify(swapped));
      expect(await read()).toBe(3);
      expect(await read()).toBe(1); // repaired

      // A secret changed in place: its HMAC no longer matches, so it is looked up (and read right).
      await keytar.setPassword(service, ids[3] ?? '', 'MZXW6YTBOI');
      try {
        let items: Map<string, string> | null = null;
        let lookups = -1;
        items = await readSecretServiceItems(service, { indexFile, onLookups: (n) => (lookups = n) });
        expect(items?.get(ids[3] ?? '')).toBe('MZXW6YTBOI');
        expect(lookups).toBe(2);
      } finally {
        await keytar.setPassword(service, ids[3] ?? '', secretOf(3));
      }

      // A damaged file is only a cache: everything is looked up again.
      writeFileSync(indexFile, '{"version":1,"items":');
      expect(await read()).toBe(ids.length + 1);
    } finally {
      await keytar.deletePassword(service, INDEX_KEY_ID);
      cleanup();
    }
  });

  it('answers null for a locked keyring, without an unlock prompt', async () => {
    lockKeyring();
    expect(await readSecretServiceItems(service)).toBeNull();
  });

  it('answers null quickly when there is no session bus', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/keyfob-bus';
    try {
      const t = performance.now();
      expect(await readSecretServiceItems(service)).toBeNull();
      expect(performance.now() - t).toBeLessThan(2000);
    } finally {
      process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });

  it('vault.secrets() reads through the batch and falls back to keytar for what it lacks', async () => {
    const { home, cleanup } = tempHome();
    try {
      const missing = 'ffff0000-0000-4000-8000-000000000000';
      writeMetadata(
        home,
        [...ids, missing].map((id) => record(id, 'active')),
      );
      const store = keytarSecretStore(service);
      let gets = 0;
      const counted = { ...store, get: (id: string) => (gets++, store.get(id)) };
      const { vault } = await Vault.open({ home, secrets: counted });
      const read = await vault.secrets([...ids, missing]);
      expect(read.get(ids[7] ?? '')).toEqual(token('Batch', 'u7', 7).secret);
      expect(read.get(missing)).toMatchObject({
        code: 'keychain-unavailable',
        message: /is missing from the keychain/,
      });
      expect(gets).toBe(1); // only the account the batch could not answer

      lockKeyring();
      gets = 0;
      const locked = await vault.secrets(ids);
      expect([...locked.values()].every((v) => (v as { code?: string }).code === 'keychain-locked')).toBe(
        true,
      );
      expect(gets).toBeGreaterThan(0); // the batch declined, keytar's path explained the lock
    } finally {
      cleanup();
    }
  });
});
