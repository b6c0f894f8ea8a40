import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import { readMetadata, tempHome, token } from '../../test-support/vault/fixtures';
import { Vault } from './vault';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';

let home: string;
let cleanup: () => void;
let store: MemorySecretStore;
let vault: Vault;
beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  store = memorySecretStore();
  ({ vault } = await Vault.open({ home, secrets: store }));
});
afterEach(() => cleanup());

const outcome = (r: unknown) => (r instanceof KeyfobError ? r.code : 'added');

describe('Vault.addMany (memory keychain)', () => {
  it('adds every account in order, each pending while its secret is written', async () => {
    await vault.add(token('Before', 'x', 900));
    const states = new Set<string>();
    store.onCall = (op, id) => {
      if (op === 'set')
        for (const e of readMetadata(home).accounts) if (e.id === id) states.add(String(e.state));
    };
    const results = await vault.addMany(
      Array.from({ length: 40 }, (_, i) => ({ token: token('Bulk', `u${i}`, i) })),
    );
    expect(results.map(outcome)).toEqual(Array(40).fill('added'));
    // The keychain was written only while its entry was listed as pending (crash-safe order).
    expect([...states]).toEqual(['pending']);
    const listed = await vault.list();
    expect(listed.map((a) => a.account)).toEqual(['x', ...Array.from({ length: 40 }, (_, i) => `u${i}`)]);
    expect(readMetadata(home).accounts.every((e) => e.state === 'active')).toBe(true);
    expect(await vault.secret(listed[17]?.id ?? '')).toEqual(token('Bulk', 'u16', 16).secret);
  });

  it('one bad entry never stops the rest: invalid, duplicate (stored or earlier in the batch), allowed twin', async () => {
    await vault.add(token('GitHub', 'alice', 1));
    const results = await vault.addMany([
      { token: token('A', 'one', 2) },
      { token: token('B', 'bad', 3, { digits: 3 }) },
      { token: token('GitHub', 'alice', 1) },
      { token: token('A', 'one', 2) },
      { token: token('GitHub', 'alice', 1), allowDuplicate: true },
      { token: token('C', 'last', 4) },
    ]);
    expect(results.map(outcome)).toEqual([
      'added',
      'invalid-input',
      'duplicate',
      'duplicate',
      'added',
      'added',
    ]);
    expect((results[2] as KeyfobError).message).toMatch(/'GitHub: alice' is already in Keyfob/);
    expect((results[3] as KeyfobError).message).toMatch(/'A: one' appears twice in this import/);
    expect((await vault.list()).map((a) => `${a.issuer}:${a.account}`)).toEqual([
      'GitHub:alice',
      'A:one',
      'GitHub:alice',
      'C:last',
    ]);
  });

  it('a keychain failure costs only that entry, and leaves nothing behind', async () => {
    let sets = 0;
    store.onCall = (op) => {
      if (op === 'set' && ++sets === 3)
        throw new KeyfobError('keychain-unavailable', 'The keychain refused.');
    };
    const results = await vault.addMany(
      Array.from({ length: 6 }, (_, i) => ({ token: token('K', `k${i}`, i) })),
    );
    expect(results.filter((r) => r instanceof KeyfobError)).toHaveLength(1);
    expect(await vault.list()).toHaveLength(5);
    expect(readMetadata(home).accounts.map((e) => e.state)).toEqual(Array(5).fill('active'));
    expect(store.items.size).toBe(5);
  });

  it('a locked keychain refuses every entry and lists none of them', async () => {
    store.mode = 'locked';
    const results = await vault.addMany([{ token: token('L', 'a', 1) }, { token: token('L', 'b', 2) }]);
    expect(results.map(outcome)).toEqual(['keychain-locked', 'keychain-locked']);
    expect(readMetadata(home).accounts).toEqual([]);
  });

  it('takes the lock per slice, so another writer gets in before the batch ends', async () => {
    store.onCall = async (op) => {
      if (op === 'set') await new Promise((r) => setTimeout(r, 20)); // a keychain that takes its time
    };
    const done: string[] = [];
    const bulk = vault
      .addMany(Array.from({ length: 60 }, (_, i) => ({ token: token('Bulk', `u${i}`, i) })))
      .then((r) => done.push(`bulk: ${r.filter((x) => !(x instanceof KeyfobError)).length}`));
    await new Promise((r) => setTimeout(r, 50));
    const other = await Vault.open({ home, secrets: store }); // another process, as far as the lock goes
    await other.vault.add(token('App', 'between', 999)).then(() => done.push('app add'));
    await bulk;
    expect(done).toEqual(['app add', 'bulk: 60']);
    const names = (await vault.list()).map((a) => a.account);
    expect(names).toContain('between');
    expect(names.filter((n) => n.startsWith('u'))).toEqual(Array.from({ length: 60 }, (_, i) => `u${i}`));
  });

  it('a repeat in a later slice is still reported as a repeat within the import', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ token: token('Bulk', `u${i}`, i) }));
    items.push({ token: token('Bulk', 'u2', 2) });
    const results = await vault.addMany(items);
    expect((results[30] as KeyfobError).message).toMatch(/'Bulk: u2' appears twice in this import/);
    expect(await vault.list()).toHaveLength(30);
  });
});
