import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base32Encode } from '../core';
import { RESTORE_WINDOW_MS } from './replaced-keys';
import { readMetadata, record, tempHome, token, writeMetadata } from '../../test-support/vault/fixtures';
import { Vault } from './vault';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';

// "Replace key" and "restore" on the memory twin: what is stored where, in which order, and what a
// kill between the steps leaves for open() to settle.
let home: string;
let cleanup: () => void;
let store: MemorySecretStore;
let clock: number;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  store = memorySecretStore();
  clock = Date.parse('2025-03-01T12:00:00.000Z');
});
afterEach(() => cleanup());

const open = () => Vault.open({ home, secrets: store, now: () => clock });
const b32 = (t: { secret: Uint8Array }) => base32Encode(t.secret);
const DAY = 24 * 60 * 60 * 1000;

describe('replace', () => {
  it('keeps id, place and name; the new key and parameters become current; the old key is kept', async () => {
    const { vault } = await open();
    const first = await vault.add(token('A', 'a', 1));
    const acct = await vault.add(token('GitHub', 'alice', 2));
    await vault.add(token('C', 'c', 3));
    const fresh = token('Ignored', 'ignored', 9, { algorithm: 'SHA256', digits: 8 });
    const after = await vault.replaceKey(acct.id, fresh);
    expect(after).toMatchObject({
      id: acct.id,
      order: 1,
      issuer: 'GitHub',
      account: 'alice',
      algorithm: 'SHA256',
      digits: 8,
    });
    expect(after.replacedKey).toEqual({
      replacedAt: '2025-03-01T12:00:00.000Z',
      restorableUntil: '2025-03-31T12:00:00.000Z',
    });
    expect(await vault.secret(acct.id)).toEqual(fresh.secret);
    const backup = `${acct.id}.replaced-${clock}`;
    expect(store.items.get(backup)).toBe(b32(token('', '', 2)));
    expect((await vault.list()).map((a) => a.id)).toEqual([first.id, acct.id, expect.any(String)]);
  });

  it('writes the intent before the keychain and the result after (crash-safe order)', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    const seen: string[] = [];
    store.onCall = (op, id) => {
      if (op === 'set')
        seen.push(
          `${id === acct.id ? 'own' : 'backup'}: swap=${readMetadata(home).accounts[0]?.['swap'] ? 'yes' : 'no'}`,
        );
    };
    await vault.replaceKey(acct.id, token('A', 'a', 2));
    expect(seen).toEqual(['backup: swap=yes', 'own: swap=yes']);
    expect(readMetadata(home).accounts[0]).toMatchObject({
      replaced: [{ item: `${acct.id}.replaced-${clock}` }],
    });
    expect(readMetadata(home).accounts[0]?.['swap']).toBeUndefined();
  });

  it('refuses the same key, and a locked keychain, changing nothing', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    await expect(vault.replaceKey(acct.id, token('A', 'a', 1))).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'secret',
    });
    store.mode = 'locked';
    await expect(vault.replaceKey(acct.id, token('A', 'a', 2))).rejects.toMatchObject({
      code: 'keychain-locked',
    });
    store.mode = 'ok';
    expect([...store.items.keys()]).toEqual([acct.id]);
    expect(readMetadata(home).accounts[0]?.['swap']).toBeUndefined();
  });

  it('a keychain failure between the two writes puts the old key back', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    store.onCall = (op, id) => {
      if (op === 'set' && id === acct.id) store.mode = 'unavailable';
    };
    await expect(vault.replaceKey(acct.id, token('A', 'a', 2))).rejects.toMatchObject({
      code: 'keychain-unavailable',
    });
    store.onCall = undefined;
    store.mode = 'ok';
    const { vault: again, report } = await open();
    expect(report.recovered).toEqual([
      expect.stringMatching(/^Undid the interrupted key replacement of 'A: a'/),
    ]);
    expect(await again.secret(acct.id)).toEqual(token('', '', 1).secret);
    expect([...store.items.keys()]).toEqual([acct.id]);
  });
});

describe('restore', () => {
  it('swaps the replaced key back, keeping the newer one restorable in turn', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1, { type: 'hotp', counter: 41n }));
    await vault.replaceKey(acct.id, token('A', 'a', 2));
    clock += DAY;
    const back = await vault.restoreKey(acct.id);
    expect(back).toMatchObject({
      type: 'hotp',
      counter: 41n,
      replacedKey: { replacedAt: '2025-03-02T12:00:00.000Z' },
    });
    expect(await vault.secret(acct.id)).toEqual(token('', '', 1).secret);
    expect([...store.items.keys()].sort()).toEqual([acct.id, `${acct.id}.replaced-${clock}`].sort());
    const again = await vault.restoreKey(acct.id);
    expect(again.type).toBe('totp');
    expect(await vault.secret(acct.id)).toEqual(token('', '', 2).secret);
  });

  it('says so when there is nothing to restore', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    await expect(vault.restoreKey(acct.id)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no replaced key/),
    });
  });

  it('remove deletes the replaced keys too', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    await vault.replaceKey(acct.id, token('A', 'a', 2));
    await vault.remove(acct.id);
    expect([...store.items.keys()]).toEqual([]);
  });
});

describe('open() settles what a kill left and purges old replaced keys', () => {
  const swap = (kind: 'replace' | 'restore', from?: string) => ({
    kind,
    backup: 'p.replaced-1',
    at: '2025-03-01T00:00:00.000Z',
    ...(from ? { from } : {}),
    params: { type: 'totp', algorithm: 'SHA256', digits: 8, period: 30, counter: '0' },
  });
  const cases: Array<
    [string, Record<string, unknown>, Record<string, string>, RegExp, Record<string, string>, string]
  > = [
    // [name, extra record fields, keychain before, report line, keychain after, algorithm after]
    [
      'killed before the backup was written',
      { swap: swap('replace') },
      { p: 'OLDKEY' },
      /^Undid the interrupted key replacement/,
      { p: 'OLDKEY' },
      'SHA1',
    ],
    [
      'killed after the backup, before the new key',
      { swap: swap('replace') },
      { p: 'OLDKEY', 'p.replaced-1': 'OLDKEY' },
      /^Undid/,
      { p: 'OLDKEY' },
      'SHA1',
    ],
    [
      'killed after the new key was written',
      { swap: swap('replace') },
      { p: 'NEWKEY', 'p.replaced-1': 'OLDKEY' },
      /^Finished the interrupted key replacement/,
      { p: 'NEWKEY', 'p.replaced-1': 'OLDKEY' },
      'SHA256',
    ],
    [
      'restore killed after the swap, before deleting the restored item',
      {
        swap: swap('restore', 'p.replaced-0'),
        replaced: [{ item: 'p.replaced-0', at: '2025-02-28T00:00:00.000Z', params: swap('replace').params }],
      },
      { p: 'OLDKEY', 'p.replaced-0': 'OLDKEY', 'p.replaced-1': 'NEWKEY' },
      /^Finished the interrupted key restore/,
      { p: 'OLDKEY', 'p.replaced-1': 'NEWKEY' },
      'SHA256',
    ],
  ];
  it.each(cases)('%s', async (_name, extra, before, line, after, algorithm) => {
    writeMetadata(home, [record('p', 'active', extra)]);
    for (const [k, v] of Object.entries(before)) store.items.set(k, v);
    const { vault, report } = await open();
    expect(report.recovered).toEqual([expect.stringMatching(line)]);
    expect(Object.fromEntries(store.items)).toEqual(after);
    expect((await vault.get('p')).algorithm).toBe(algorithm);
    expect(readMetadata(home).accounts[0]?.['swap']).toBeUndefined();
  });

  it('a locked keychain leaves the swap for next time', async () => {
    writeMetadata(home, [record('p', 'active', { swap: swap('replace') })]);
    store.items.set('p', 'OLDKEY');
    store.mode = 'locked';
    const { report } = await open();
    expect(report.recovered).toEqual([
      expect.stringMatching(/^Could not tidy the replaced keys of 'Acme: p'/),
    ]);
    expect(readMetadata(home).accounts[0]?.['swap']).toBeDefined();
  });

  it('replaced keys older than 30 days are deleted on open, younger ones kept', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    await vault.replaceKey(acct.id, token('A', 'a', 2));
    clock += RESTORE_WINDOW_MS;
    expect((await open()).report.recovered).toEqual([]);
    clock += 1;
    const { vault: later, report } = await open();
    expect(report.recovered).toEqual([`Deleted a replaced key of 'A: a' kept for more than 30 days.`]);
    expect([...store.items.keys()]).toEqual([acct.id]);
    expect((await later.get(acct.id)).replacedKey).toBeUndefined();
  });

  it('audit does not adopt replaced keys as stray accounts', async () => {
    const { vault } = await open();
    const acct = await vault.add(token('A', 'a', 1));
    await vault.replaceKey(acct.id, token('A', 'a', 2));
    expect((await vault.audit()).recovered).toEqual([]);
  });
});
