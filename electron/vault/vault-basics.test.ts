import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { base32Encode } from '../core';
import { readMetadata, tempHome, token } from '../../test-support/vault/fixtures';
import { Vault } from './vault';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const T0 = Date.parse('2025-03-01T12:00:00Z');

let home: string;
let cleanup: () => void;
let store: MemorySecretStore;
let vault: Vault;
beforeEach(async () => {
  ({ home, cleanup } = tempHome());
  store = memorySecretStore();
  ({ vault } = await Vault.open({ home, secrets: store, now: () => T0 }));
});
afterEach(() => cleanup());

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) =>
      e instanceof KeyfobError ? `${e.code}${e.field ? `/${e.field}` : ''}` : `raw ${String(e)}`,
  );
}

describe('Vault basics (memory keychain)', () => {
  it('stores the secret as upper-case base32 under a random id and everything else in accounts.json', async () => {
    const t = token('GitHub', 'alice', 7, { type: 'hotp', counter: 2n ** 60n });
    const a = await vault.add(t);
    expect(a).toMatchObject({
      issuer: 'GitHub',
      account: 'alice',
      type: 'hotp',
      counter: 2n ** 60n,
      order: 0,
    });
    expect(a.id).toMatch(UUID);
    expect(store.items.get(a.id)).toBe(base32Encode(t.secret));
    expect(store.items.get(a.id)).toMatch(/^[A-Z2-7]+$/);
    const file = readFileSync(join(home, 'accounts.json'), 'utf8');
    expect(file).not.toContain(base32Encode(t.secret));
    expect(readMetadata(home)).toEqual({
      version: 1,
      accounts: [
        {
          id: a.id,
          state: 'active',
          issuer: 'GitHub',
          account: 'alice',
          type: 'hotp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: '1152921504606846976',
          order: 0,
          createdAt: '2025-03-01T12:00:00.000Z',
          updatedAt: '2025-03-01T12:00:00.000Z',
        },
      ],
    });
    expect(await vault.get(a.id)).toEqual(a);
    expect(await vault.secret(a.id)).toEqual(t.secret);
  });

  it('never derives the id from the secret', async () => {
    const a = await vault.add(token('X', 'y', 3));
    const b = await vault.add(token('X', 'y', 3), { allowDuplicate: true });
    expect(a.id).not.toBe(b.id);
    expect((await vault.list()).map((x) => x.order)).toEqual([0, 1]);
  });

  const duplicateCases: Array<[string, Token, { allowDuplicate?: boolean }, string, number]> = [
    // [case, new token, options, outcome, keychain reads needed to decide]
    ['same issuer, account and secret', token('GitHub', 'alice', 1), {}, 'duplicate', 1],
    ['same, with allowDuplicate', token('GitHub', 'alice', 1), { allowDuplicate: true }, 'ok', 0],
    ['other secret', token('GitHub', 'alice', 2), {}, 'ok', 1],
    ['other issuer', token('GitLab', 'alice', 1), {}, 'ok', 0],
    ['other account', token('GitHub', 'bob', 1), {}, 'ok', 0],
  ];
  it.each(duplicateCases)('duplicates: %s → %s', async (_name, t, opts, expected, reads) => {
    await vault.add(token('GitHub', 'alice', 1));
    await vault.add(token('Other', 'zed', 1));
    store.calls.length = 0;
    expect(await codeOf(vault.add(t, opts))).toBe(expected);
    // Only accounts with the same issuer and name have their secret read: cheap on big vaults.
    expect(store.calls.filter((c) => c.startsWith('get')).length).toBe(reads);
  });

  it.each([
    [
      '1600-byte secret (2560 base32 letters, the Windows limit)',
      { secret: new Uint8Array(1600).fill(1) },
      'ok',
    ],
    ['1601-byte secret', { secret: new Uint8Array(1601).fill(1) }, 'invalid-input/secret'],
    ['empty secret', { secret: new Uint8Array(0) }, 'invalid-input/secret'],
    ['3 digits', { digits: 3 }, 'invalid-input/digits'],
    ['period 0', { period: 0 }, 'invalid-input/period'],
    ['MD5', { algorithm: 'MD5' as 'SHA1' }, 'invalid-input/algorithm'],
  ])('validates before writing: %s → %s', async (_name, more, expected) => {
    expect(await codeOf(vault.add(token('A', 'b', 1, more)))).toBe(expected);
    if (expected !== 'ok') {
      expect(store.calls).toEqual([]);
      expect(await vault.list()).toEqual([]);
    }
  });

  it('renames, updates, reorders and removes', async () => {
    const [a, b, c] = [
      await vault.add(token('A', 'a', 1)),
      await vault.add(token('B', 'b', 2)),
      await vault.add(token('C', 'c', 3)),
    ];
    expect(await vault.rename(b.id, { issuer: 'Bee' })).toMatchObject({
      issuer: 'Bee',
      account: 'b',
      order: 1,
    });
    expect(await vault.update(c.id, { digits: 8, type: 'steam' })).toMatchObject({
      type: 'steam',
      digits: 5,
    });
    expect((await vault.reorder([c.id, a.id, b.id])).map((x) => [x.issuer, x.order])).toEqual([
      ['C', 0],
      ['A', 1],
      ['Bee', 2],
    ]);
    expect(await codeOf(vault.reorder([c.id, a.id]))).toBe('invalid-input/ids');
    expect(await codeOf(vault.reorder([c.id, a.id, a.id]))).toBe('invalid-input/ids');
    await vault.remove(a.id);
    expect(store.items.has(a.id)).toBe(false);
    expect((await vault.list()).map((x) => [x.issuer, x.order])).toEqual([
      ['C', 0],
      ['Bee', 1],
    ]);
    expect(await codeOf(vault.get(a.id))).toBe('not-found/id');
    expect(await codeOf(vault.remove(a.id))).toBe('not-found/id');
  });

  it('takeHotpCode returns the code for counter c (as oathtool computes it) after storing c + 1', async () => {
    const t = token('Bank', 'me', 5, { type: 'hotp', counter: 41n });
    const a = await vault.add(t);
    const b32 = base32Encode(t.secret);
    for (const c of [41n, 42n, 43n]) {
      const { account, code } = await vault.takeHotpCode(a.id, T0);
      expect(code).toBe(
        execFileSync('oathtool', ['--hotp', '-b', '-c', String(c), b32], { encoding: 'utf8' }).trim(),
      );
      expect(account.counter).toBe(c + 1n);
      expect(readMetadata(home).accounts[0]?.counter).toBe(String(c + 1n));
    }
    const reopened = (await Vault.open({ home, secrets: store })).vault;
    expect((await reopened.get(a.id)).counter).toBe(44n);
    const totp = await vault.add(token('T', 'otp', 6));
    expect(await codeOf(vault.takeHotpCode(totp.id, T0))).toBe('invalid-input/type');
  });

  it('sees what another process (another Vault on the same folder) wrote', async () => {
    const other = (await Vault.open({ home, secrets: store })).vault;
    const a = await vault.add(token('A', 'a', 1));
    expect((await other.list()).map((x) => x.id)).toEqual([a.id]);
    await other.remove(a.id);
    expect(await vault.list()).toEqual([]);
  });

  it('serialises concurrent calls inside one process without losing writes', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.add(token('P', `p${i}`, i))));
    expect((await vault.list()).length).toBe(20);
    expect(readMetadata(home).accounts.length).toBe(20);
  });

  it('secrets() maps each id to its bytes or its own error', async () => {
    const a = await vault.add(token('A', 'a', 1));
    const b = await vault.add(token('B', 'b', 2));
    store.items.delete(b.id); // gone behind the vault's back
    const m = await vault.secrets([a.id, b.id, 'nope']);
    expect(m.get(a.id)).toEqual(token('A', 'a', 1).secret);
    expect((m.get(b.id) as KeyfobError).code).toBe('keychain-unavailable');
    expect((m.get(b.id) as KeyfobError).message).toMatch(/secret of 'B: b' is missing from the keychain/);
    expect((m.get('nope') as KeyfobError).code).toBe('not-found');
    expect((await vault.list()).length).toBe(2); // still listed: a missing secret is reported, not "fixed"
  });
});
