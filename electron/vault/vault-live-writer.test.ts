import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMetadata, record, tempHome, token, writeMetadata } from '../../test-support/vault/fixtures';
import { Vault } from './vault';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';

// Entries that are not `active` mean "work in progress" while their writer holds the lock, and
// "interrupted" only once it is gone. Readers answer from the committed list either way.
let home: string;
let cleanup: () => void;
let store: MemorySecretStore;
beforeEach(() => {
  ({ home, cleanup } = tempHome());
  store = memorySecretStore();
});
afterEach(() => cleanup());

const SECRET = 'JBSWY3DPEHPK3PXP';
const lockPath = () => join(home, 'accounts.json.lock');
const holdLock = (pid: number) =>
  writeFileSync(lockPath(), JSON.stringify({ pid, host: hostname(), at: Date.now(), nonce: 'writer' }));
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
const fileText = () => readFileSync(join(home, 'accounts.json'), 'utf8');
const states = () => readMetadata(home).accounts.map((a) => `${String(a.id)}:${String(a.state)}`);

/** What a writer killed half-way through an import of 100 leaves: 74 secrets stored, 26 not. */
function halfImported(): void {
  const entries = [record('kept', 'active')];
  for (let i = 0; i < 100; i++) {
    const id = `imp${String(i).padStart(3, '0')}`;
    entries.push(record(id, 'pending', { issuer: 'Bulk', account: `user${i}` }));
    if (i < 74) store.items.set(id, SECRET);
  }
  entries.push(record('going', 'deleting'));
  store.items.set('kept', SECRET);
  store.items.set('going', SECRET);
  writeMetadata(home, entries);
}

const SUMMARY =
  'Recovered 74 accounts whose save was interrupted; 26 were dropped before their secret was stored — ' +
  "import them again: 'Bulk: user74', 'Bulk: user75', 'Bulk: user76', 'Bulk: user77', 'Bulk: user78', and 21 more.";

describe('a live writer holds the lock', () => {
  it('open answers the committed list at once and touches nothing', async () => {
    halfImported();
    holdLock(process.pid);
    const before = fileText();
    const { vault, report } = await Vault.open({ home, secrets: store });
    expect(report.recovered).toEqual([]);
    expect((await vault.list()).map((a) => a.id)).toEqual(['kept']);
    expect([...(await vault.secrets(['kept'])).values()][0]).toBeInstanceOf(Uint8Array);
    expect(fileText()).toBe(before);
    expect(store.calls.filter((c) => c !== 'get kept')).toEqual([]);
    expect(readFileSync(lockPath(), 'utf8')).toMatch(/"nonce":"writer"/);
  });

  it('recover() waits for the writer to be gone, then reports one summary line', async () => {
    halfImported();
    holdLock(process.pid);
    const { vault } = await Vault.open({ home, secrets: store });
    expect(await vault.recover()).toEqual([]);
    holdLock(deadPid()); // the writer was killed: its lock is left behind
    expect(await vault.recover()).toEqual([
      SUMMARY,
      "Finished removing account 'Acme: going' whose removal was interrupted.",
    ]);
    expect(states().filter((s) => !s.endsWith(':active'))).toEqual([]);
    expect((await vault.list()).length).toBe(1 + 74);
    expect(existsSync(lockPath())).toBe(false);
    expect(await vault.recover()).toEqual([]);
  });
});

describe('the writer is this process', () => {
  it('recover() during its own bulk add returns at once and leaves the add alone', async () => {
    const { vault } = await Vault.open({ home, secrets: store });
    let writing: (value?: unknown) => void = () => undefined;
    const firstWrite = new Promise((r) => (writing = r));
    store.onCall = async (op) => {
      if (op !== 'set') return;
      writing();
      await new Promise((r) => setTimeout(r, 20));
    };
    const done: string[] = [];
    const bulk = vault
      .addMany(Array.from({ length: 20 }, (_, i) => ({ token: token('Bulk', `u${i}`, i) })))
      .then(() => done.push('bulk'));
    await firstWrite; // the first slice's entries are pending now (written before its first keychain write)
    expect(states().some((s) => s.endsWith(':pending'))).toBe(true);
    const recovered = await vault.recover();
    // It answered while the first slice was still being written, without waiting for it.
    done.push(
      `recover: ${JSON.stringify(recovered)}, pending: ${states().some((s) => s.endsWith(':pending'))}`,
    );
    await bulk;
    expect(done).toEqual(['recover: [], pending: true', 'bulk']);
    expect(states().every((s) => s.endsWith(':active'))).toBe(true);
  });
});

describe('the writer is gone', () => {
  const gone: Array<[string, () => void]> = [
    ['no lock at all', () => undefined],
    ['its lock left by a dead process', () => holdLock(deadPid())],
  ];
  it.each(gone)('%s: open finishes the interrupted import in one line', async (_name, arrange) => {
    halfImported();
    arrange();
    const { vault, report } = await Vault.open({ home, secrets: store });
    expect(report.recovered).toEqual([
      SUMMARY,
      "Finished removing account 'Acme: going' whose removal was interrupted.",
    ]);
    expect((await vault.list()).map((a) => a.id)).toEqual([
      'kept',
      ...Array.from({ length: 74 }, (_, i) => `imp${String(i).padStart(3, '0')}`),
    ]);
    expect(store.items.has('going')).toBe(false);
  });
});
