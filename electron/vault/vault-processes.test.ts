import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_IDS, keytarSecretStore } from './keytar-store';
import { parseMetadata } from './metadata';
import { extraItems } from './replaced-keys';
import { runChild, spawnChild } from '../../test-support/vault/child-runner';
import { tempHome } from '../../test-support/vault/fixtures';
import {
  deleteService,
  rawKeytar,
  requirePrivateKeyring,
  uniqueService,
} from '../../test-support/vault/keyring';
import { seededRandom } from '../../test-support/vault/random';
import { Vault } from './vault';

// Several processes on one vault and the real keyring: the app and the CLI at once, and kills.
const services: string[] = [];
const cleanups: Array<() => void> = [];
beforeAll(() => requirePrivateKeyring());
afterAll(async () => {
  for (const s of services) await deleteService(s);
  for (const c of cleanups) c();
});
function fresh(suite: string): { home: string; service: string } {
  const { home, cleanup } = tempHome();
  cleanups.push(cleanup);
  const service = uniqueService(suite);
  services.push(service);
  return { home, service };
}

/** One item straight from keytar. */
async function keychainGet(service: string, id: string): Promise<string | null> {
  return (await rawKeytar()).getPassword(service, id);
}

/** Every keychain item of the service, by id (straight from keytar, not through the vault). */
async function keychainIds(service: string): Promise<Set<string>> {
  const items = await (await rawKeytar()).findCredentials(service);
  return new Set(items.map((c) => c.account).filter((id) => !INTERNAL_IDS.has(id)));
}

describe('two processes at once', () => {
  it('50 + 50 concurrent adds → 100 listed, every secret present', { timeout: 120_000 }, async () => {
    const { home, service } = fresh('two');
    const [a, b] = await Promise.all([
      runChild(['add', '50', 'A'], home, service),
      runChild(['add', '50', 'B'], home, service),
    ]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    const { vault } = await Vault.open({ home, secrets: keytarSecretStore(service) });
    const listed = await vault.list();
    expect(listed.length).toBe(100);
    expect(listed.filter((x) => x.issuer === 'A').length).toBe(50);
    expect(new Set(listed.map((x) => x.id)).size).toBe(100);
    expect(await keychainIds(service)).toEqual(new Set(listed.map((x) => x.id)));
    const secrets = await vault.secrets(listed.map((x) => x.id));
    expect([...secrets.values()].every((s) => s instanceof Uint8Array)).toBe(true);
  });
});

describe('crash safety', () => {
  it(
    'SIGKILL at random moments (seeded) never strands an account or a secret',
    { timeout: 300_000 },
    async () => {
      const { home, service } = fresh('crash');
      const seed = Number(process.env.KEYFOB_CRASH_SEED ?? 20250301);
      const random = seededRandom(seed);
      let kills = 0;
      let recoveries = 0;
      const reads: ReadTally = { reads: 0, removedMeanwhile: 0 };
      const recoveredLines: string[] = [];
      for (let round = 0; round < 24; round++) {
        const child = await spawnChild(['churn', String(seed + round)], home, service);
        let stderr = '';
        child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        await firstStep(child);
        // Readers (as `keyfob code` and the app do) while the writer lives: never a broken state,
        // never a recovery of the writer's work in progress.
        const writing = { until: Date.now() + random() * 400 };
        await readWhileWriting(home, service, writing, reads);
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited; // reaped: its pid is dead, so its lock is stale
        kills++;
        expect(stderr).toBe('');

        // Right after the kill, before anyone repairs anything:
        const text = readFileSync(join(home, 'accounts.json'), 'utf8');
        const raw = parseMetadata(text); // always parses (atomic writes)
        const inKeychain = await keychainIds(service);
        for (const e of raw.filter((x) => x.state === 'active')) expect(inKeychain.has(e.id)).toBe(true);
        // Every item belongs to an entry: its own, a replaced key it lists, or a swap's backup.
        const owned = new Set(raw.flatMap((e) => [e.id, ...extraItems(e)]));
        for (const id of inKeychain) expect(owned.has(id)).toBe(true);

        // After open(): everything is settled.
        const { vault, report } = await Vault.open({ home, secrets: keytarSecretStore(service) });
        recoveries += report.recovered.length;
        recoveredLines.push(...report.recovered);
        const listed = await vault.list();
        const after = parseMetadata(readFileSync(join(home, 'accounts.json'), 'utf8'));
        expect(after.every((e) => e.state === 'active' && e.swap === undefined)).toBe(true);
        expect(await keychainIds(service)).toEqual(new Set(after.flatMap((e) => [e.id, ...extraItems(e)])));
        expect(new Set(after.map((e) => e.id))).toEqual(new Set(listed.map((x) => x.id)));
        // A replaced key is a real, restorable secret: it must be readable, and differ from the current one.
        for (const e of after) {
          for (const r of e.replaced ?? []) {
            const [old, now] = await Promise.all([keychainGet(service, r.item), keychainGet(service, e.id)]);
            expect(old).not.toBeNull();
            expect(old).not.toBe(now);
          }
        }
        const secrets = await vault.secrets(listed.map((x) => x.id));
        expect([...secrets.values()].every((s) => s instanceof Uint8Array)).toBe(true);
      }
      const leftovers = readdirSync(home).filter((n) => n.endsWith('.tmp') || n.endsWith('.break'));
      console.log(
        `[crash test, seed ${seed}] kills: ${kills}, recoveries: ${recoveries}, reads during churn: ${reads.reads} ` +
          `(${reads.removedMeanwhile} accounts removed between list and read), keychain items left: ${(await keychainIds(service)).size}, ` +
          `temp files left: ${leftovers.length}\n  ${[...new Set(recoveredLines.map((l) => l.replace(/'.*'/, "'…'")))].join('\n  ')}`,
      );
      expect(kills).toBeGreaterThanOrEqual(20);
      expect(reads.reads).toBeGreaterThanOrEqual(kills);
    },
  );
});

function firstStep(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      if (d.toString().includes('step')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

interface ReadTally {
  reads: number;
  removedMeanwhile: number;
}

/**
 * Opens, lists and reads every secret in a loop until `writing.until` (at least once), the way a
 * reader process does while another writes. Each open must not recover anything (the writer is
 * alive: its pending entries are work in progress); each listed account's secret must read,
 * unless the writer removed that account in between.
 */
async function readWhileWriting(
  home: string,
  service: string,
  writing: { until: number },
  tally: ReadTally,
): Promise<void> {
  do {
    const { vault, report } = await Vault.open({
      home,
      secrets: keytarSecretStore(service, process.platform, { home }),
    });
    expect(report.recovered).toEqual([]);
    const listed = await vault.list();
    const secrets = await vault.secrets(listed.map((a) => a.id));
    const unreadable = listed.filter((a) => !(secrets.get(a.id) instanceof Uint8Array));
    if (unreadable.length > 0) {
      const now = new Set((await vault.list()).map((a) => a.id));
      for (const a of unreadable)
        expect(now.has(a.id), `secret of listed '${a.issuer}: ${a.account}'`).toBe(false);
      tally.removedMeanwhile += unreadable.length;
    }
    tally.reads++;
  } while (Date.now() < writing.until);
}
