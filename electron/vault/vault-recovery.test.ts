import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import { readMetadata, record, tempHome, token, writeMetadata } from '../../test-support/vault/fixtures';
import { Vault } from './vault';
import {
  memorySecretStore,
  type MemoryMode,
  type MemorySecretStore,
} from '../../test-support/vault/memory-secret-store';

let home: string;
let cleanup: () => void;
let store: MemorySecretStore;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  store = memorySecretStore();
});
afterEach(() => cleanup());

const open = async () => Vault.open({ home, secrets: store });
const states = () => readMetadata(home).accounts.map((a) => `${String(a.id)}:${String(a.state)}`);

describe('write ordering', () => {
  it('add: the pending entry is on disk before the keychain write, active only after', async () => {
    const { vault } = await open();
    const seen: string[] = [];
    store.onCall = (op) => {
      if (op === 'set') seen.push(...states());
    };
    const a = await vault.add(token('A', 'a'));
    expect(seen).toEqual([`${a.id}:pending`]);
    expect(states()).toEqual([`${a.id}:active`]);
  });

  it('remove: the entry is marked deleting before the keychain delete, gone after', async () => {
    const { vault } = await open();
    const a = await vault.add(token('A', 'a'));
    const seen: string[] = [];
    store.onCall = (op) => {
      if (op === 'delete') seen.push(...states());
    };
    await vault.remove(a.id);
    expect(seen).toEqual([`${a.id}:deleting`]);
    expect(states()).toEqual([]);
  });

  it('a failed keychain write leaves nothing behind', async () => {
    const { vault } = await open();
    store.mode = 'unavailable';
    await expect(vault.add(token('A', 'a'))).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect(states()).toEqual([]);
  });
});

describe('reconciliation on open (what a kill leaves behind)', () => {
  const cases: Array<[string, string, boolean, MemoryMode, string[], RegExp | null]> = [
    // [name, state on disk, secret in keychain, keychain mode, states after open, report line]
    [
      'pending + secret → adopted',
      'pending',
      true,
      'ok',
      ['p:active'],
      /^Recovered account 'Acme: p' whose save was interrupted/,
    ],
    ['pending, no secret → dropped', 'pending', false, 'ok', [], /^Dropped account 'Acme: p'/],
    [
      'pending, keychain locked → kept',
      'pending',
      true,
      'locked',
      ['p:pending'],
      /^Could not check account 'Acme: p'.*locked/,
    ],
    ['deleting + secret → deleted', 'deleting', true, 'ok', [], /^Finished removing account 'Acme: p'/],
    ['deleting, no secret → dropped', 'deleting', false, 'ok', [], /^Finished removing account 'Acme: p'/],
    [
      'deleting, keychain locked → kept',
      'deleting',
      true,
      'locked',
      ['p:deleting'],
      /^Could not finish removing account 'Acme: p'.*locked/,
    ],
    [
      'pending, no keychain → kept',
      'pending',
      true,
      'unavailable',
      ['p:pending'],
      /^Could not finish recovering account 'Acme: p'/,
    ],
    ['active → untouched', 'active', true, 'ok', ['p:active'], null],
  ];
  it.each(cases)('%s', async (_name, state, hasSecret, mode, after, line) => {
    writeMetadata(home, [record('p', state, { account: 'p' })]);
    if (hasSecret) store.items.set('p', 'JBSWY3DPEHPK3PXP');
    store.mode = mode;
    const { vault, report } = await open();
    expect(states()).toEqual(after);
    expect(report.recovered).toHaveLength(line === null ? 0 : 1);
    if (line !== null) expect(report.recovered[0]).toMatch(line);
    if (mode !== 'ok') expect(store.items.has('p')).toBe(hasSecret); // nothing deleted while locked/unreachable
    expect((await vault.list()).length).toBe(after.filter((s) => s.endsWith(':active')).length);
  });

  it('opening and listing a clean vault never touches the keychain', async () => {
    writeMetadata(
      home,
      Array.from({ length: 50 }, (_, i) => record(`id${i}`, 'active', { order: i })),
    );
    const { vault } = await open();
    expect((await vault.list()).length).toBe(50);
    expect(store.calls).toEqual([]);
  });
});

describe('locked keychain (memory twin behaving like keytar on gnome-keyring)', () => {
  it('lists, refuses the rest with typed errors, deletes nothing', async () => {
    const { vault } = await open();
    const a = await vault.add(token('A', 'a', 1));
    const h = await vault.add(token('H', 'h', 2, { type: 'hotp' }));
    store.mode = 'locked';
    expect((await vault.list()).length).toBe(2);
    await expect(vault.secret(a.id)).rejects.toMatchObject({ code: 'keychain-locked' });
    const m = await vault.secrets([a.id, h.id]);
    expect([...m.values()].map((v) => (v as KeyfobError).code)).toEqual([
      'keychain-locked',
      'keychain-locked',
    ]);
    await expect(vault.remove(a.id)).rejects.toMatchObject({ code: 'keychain-locked' });
    await expect(vault.add(token('B', 'b', 3))).rejects.toMatchObject({ code: 'keychain-locked' });
    await expect(vault.takeHotpCode(h.id, 0)).rejects.toMatchObject({ code: 'keychain-locked' });
    await expect(vault.audit()).rejects.toMatchObject({ code: 'keychain-locked' });
    expect(states()).toEqual([`${a.id}:active`, `${h.id}:active`]);
    expect(readMetadata(home).accounts[1]?.counter).toBe('0');
    expect([...store.items.keys()]).toEqual([a.id, h.id]);
    const reopened = await open();
    expect(reopened.report.recovered).toEqual([]);
    expect((await reopened.vault.list()).length).toBe(2);
  });

  it('removing an account whose secret vanished (keychain unlocked) just unlists it', async () => {
    const { vault } = await open();
    const a = await vault.add(token('A', 'a'));
    store.items.delete(a.id);
    await vault.remove(a.id);
    expect(await vault.list()).toEqual([]);
  });
});

describe('audit', () => {
  it('adopts keychain items no account lists and reports accounts without a secret', async () => {
    const { vault } = await open();
    const a = await vault.add(token('A', 'a'));
    const b = await vault.add(token('B', 'b', 2));
    store.items.delete(b.id);
    store.items.set('0123abcd-orphan', 'JBSWY3DPEHPK3PXP');
    store.items.set('not-base32', 'hello 1');
    const report = await vault.audit();
    expect(report.recovered).toEqual([
      expect.stringMatching(
        /^Found a secret in the keychain that no account listed; added it as 'Recovered 0123abcd'/,
      ),
      'Keychain item not-base32 holds no base32 secret; it was left alone.',
      expect.stringMatching(/^Account 'B: b' has no secret in the keychain/),
    ]);
    expect((await vault.list()).map((x) => x.id)).toEqual([a.id, b.id, '0123abcd-orphan']);
  });
});

describe('damaged metadata', () => {
  const damaged: Array<[string, string, RegExp]> = [
    ['truncated JSON', '{"version":1,"accounts":[{"id":', /is damaged: it is not valid JSON/],
    ['wrong shape', '[]', /is damaged: it is not a JSON object/],
    [
      'bad counter',
      JSON.stringify({ version: 1, accounts: [record('x', 'active', { counter: '-1' })] }),
      /account #1 has a "counter"/,
    ],
    [
      'unknown state',
      JSON.stringify({ version: 1, accounts: [record('x', 'gone')] }),
      /account #1 has an unknown "state"/,
    ],
    [
      'duplicate id',
      JSON.stringify({ version: 1, accounts: [record('x', 'active'), record('x', 'active')] }),
      /the id x appears twice/,
    ],
    [
      'newer version',
      JSON.stringify({ version: 2, accounts: [] }),
      /written by a newer Keyfob \(format version 2\)\. Update Keyfob/,
    ],
  ];
  it.each(damaged)(
    '%s: refuses to open, names the file, leaves it untouched',
    async (_name, text, message) => {
      const file = join(home, 'accounts.json');
      writeFileSync(file, text);
      await expect(open()).rejects.toMatchObject({
        code: 'storage-unavailable',
        message: expect.stringMatching(message),
      });
      await expect(open()).rejects.toThrow(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
    },
  );

  it('repair sets a damaged file aside and rebuilds the list from the keychain', async () => {
    store.items.set('aaaaaaaa-1', 'JBSWY3DPEHPK3PXP');
    writeFileSync(join(home, 'accounts.json'), '{"version":1,"accou');
    const { vault, report } = await Vault.repair({ home, secrets: store, now: () => 0 });
    expect(report.recovered[0]).toBe(
      `Moved the damaged account list to ${join(home, 'accounts.json.corrupt-1970-01-01T00-00-00-000Z')}; started a new one from the keychain.`,
    );
    expect(readFileSync(join(home, 'accounts.json.corrupt-1970-01-01T00-00-00-000Z'), 'utf8')).toBe(
      '{"version":1,"accou',
    );
    expect((await vault.list()).map((x) => x.account)).toEqual(['Recovered aaaaaaaa']);
  });

  it('repair never moves a file from a newer Keyfob', async () => {
    writeFileSync(join(home, 'accounts.json'), '{"version":9,"accounts":[]}');
    await expect(Vault.repair({ home, secrets: store })).rejects.toMatchObject({
      code: 'storage-unavailable',
    });
    expect(readFileSync(join(home, 'accounts.json'), 'utf8')).toBe('{"version":9,"accounts":[]}');
  });
});
