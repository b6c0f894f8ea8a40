import { spawnSync } from 'node:child_process';
import { scrypt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readImport } from '../electron/formats';
import { planImport } from '../electron/services/import/plan';
import { scryptKey } from '../electron/formats/crypto';
import { BULK_KINDS, bulkFile, bulkTokens, type BulkKind } from '../electron/formats/testdata/bulk';
import { parseMigrationUri } from '../electron/formats/google-migration/transfer-uri';
import { decodeImageFile } from '../electron/qr/image-file';
import { blankPng } from '../test-support/qr/png-bomb';
import { Vault, keytarSecretStore } from '../electron/vault';
import { atMost, emit, median } from './figures';
import { memorySecretStore } from '../test-support/vault/memory-secret-store';

/**
 * Hostile-input figures: the 95-character transfer link that claims 2^31−1 codes, 15 MB files of
 * every import format (refused past 10,000 accounts, read and planned up to it), the andOTP sizes
 * that used to grow quadratically, a 1 × 100,000,000 PNG, and how long a keychain read waits while
 * backup keys are derived (in a worker thread, versus on libuv's thread pool that keytar shares).
 * The keychain figure needs the private keyring (run inside scripts/with-keyring.mjs).
 */
const RUNS = 3;
const FIFTEEN_MB = 15 * 1024 * 1024;
const HOSTILE =
  'otpauth-migration://offline?data=ChMKCgEBAQEBAQEBAQESA2FiYzACEAEY%2F%2F%2F%2F%2FwcgACi5YA%3D%3D';
const cli = resolve(process.cwd(), 'out/main/keyfob.js');
const dir = mkdtempSync(join(tmpdir(), 'keyfob-input-bench-'));

async function timed(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** Mean microseconds per call over 1000 calls (for work too quick to time one by one). */
async function microseconds(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) await fn();
  return Math.round(performance.now() - t0);
}

/** Read and plan against an empty vault, as `keyfob import --dry-run` and the app's Import… do. */
async function readAndPlan(name: string, bytes: Uint8Array): Promise<string> {
  const home = mkdtempSync(join(dir, 'vault-'));
  const { vault } = await Vault.open({ home, secrets: memorySecretStore() });
  try {
    const report = await readImport(name, bytes);
    const plan = await planImport(vault, [report]);
    return `${plan.length} planned`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function hostileLink(): Promise<void> {
  const us = await microseconds(() => {
    try {
      parseMigrationUri(HOSTILE);
    } catch {
      // refused, as it must be
    }
  });
  emit('input.hostile_link_parse_us', us, 'µs', atMost(us, 1000));
  const file = join(dir, 'hostile.txt');
  writeFileSync(file, `${HOSTILE}\n`);
  const home = join(dir, 'cli-home');
  const cliMs = await timed(() =>
    spawnSync(process.execPath, [cli, 'import', '--dry-run', file], {
      env: { ...process.env, KEYFOB_HOME: home },
    }),
  );
  emit('input.hostile_link_keyfob_import_ms', cliMs, 'ms', atMost(cliMs, 2000));
}

/** A `kind` file of `count` accounts whose names are padded to make it just under 15 MB. */
function fifteenMb(kind: BulkKind, count: number): Uint8Array {
  const per = (pad: number) => bulkFile(kind, bulkTokens(100, pad)).bytes.length / 100;
  const plain = per(0);
  const perChar = (per(1000) - plain) / 1000; // some formats write the name twice or encode it
  const pad = Math.floor((FIFTEEN_MB * 0.98) / count - plain) / perChar;
  return bulkFile(kind, bulkTokens(count, Math.floor(pad))).bytes;
}

async function fifteenMegabyteFiles(): Promise<void> {
  for (const kind of BULK_KINDS) {
    const name = bulkFile(kind, []).name;
    // Over the limit: as many small accounts as fit in 15 MB.
    const per = bulkFile(kind, bulkTokens(200)).bytes.length / 200;
    let outcome = '';
    const count = Math.floor((FIFTEEN_MB * 0.98) / per);
    const many = bulkFile(kind, bulkTokens(count)).bytes;
    const refuse = await timed(async () => {
      outcome = await readAndPlan(name, many);
    });
    emit(`input.${kind}_15mb_over_limit_refused_ms`, refuse, 'ms', atMost(refuse, 3000));
    if (!/holds/.test(outcome)) throw new Error(`${kind}: expected a refusal, got "${outcome}"`);
    if (kind === 'google-transfer') continue; // a transfer code cannot carry 1.5 KB names
    // At the limit: 10,000 accounts with long names, about 15 MB, read and planned.
    const padded = fifteenMb(kind, 10_000);
    const read = await timed(async () => {
      outcome = await readAndPlan(name, padded);
    });
    emit(`input.${kind}_15mb_10000_accounts_read_plan_ms`, read, 'ms', atMost(read, 3000));
    if (outcome !== '10000 planned') throw new Error(`${kind}: ${outcome}`);
  }
}

async function andotpGrowth(): Promise<void> {
  for (const n of [2_500, 10_000]) {
    const { name, bytes } = bulkFile('andotp', bulkTokens(n));
    const ms = await timed(() => readAndPlan(name, bytes));
    emit(`input.andotp_${n}_read_plan_ms`, ms, 'ms', atMost(ms, 1000));
  }
  // End to end through the CLI, on the real keyring: read, plan against the vault, report.
  const file = join(dir, 'otp_accounts.json');
  writeFileSync(file, fifteenMb('andotp', 10_000));
  const env = {
    ...process.env,
    KEYFOB_HOME: join(dir, 'cli-e2e'),
    KEYFOB_KEYCHAIN_SERVICE: `Keyfob-input-bench-${process.pid}`,
  };
  const ms = await timed(() => {
    const r = spawnSync(process.execPath, [cli, 'import', '--dry-run', file], { env, maxBuffer: 1 << 30 });
    if (r.status !== 0)
      throw new Error(`keyfob import exited ${r.status}: ${String(r.stderr).slice(0, 200)}`);
  });
  emit('input.keyfob_import_dry_run_andotp_15mb_10000_ms', ms, 'ms', atMost(ms, 5000));
}

async function imageBomb(): Promise<void> {
  const bomb = await blankPng(1, 100_000_000);
  const us = await microseconds(() => decodeImageFile(bomb).catch(() => undefined));
  emit('input.png_1x100000000_refused_us', us, 'µs', atMost(us, 100_000));
}

/** How long one keychain read waits while four Aegis-strength derivations are in flight. */
async function keychainDuringDerivations(): Promise<void> {
  const store = keytarSecretStore(`Keyfob-input-bench-${process.pid}`);
  await store.set('probe', 'value');
  const salt = new Uint8Array(32);
  const pool = () =>
    new Promise<void>((done, fail) =>
      scrypt('password', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 2 ** 26 }, (e) =>
        e ? fail(e) : done(),
      ),
    );
  const worker = () => scryptKey('password', salt, 2 ** 15, 8, 1).then(() => undefined);
  try {
    for (const [label, derive] of [
      ['libuv_pool', pool],
      ['worker_thread', worker],
    ] as const) {
      const waits: number[] = [];
      for (let r = 0; r < 5; r++) {
        const running = Array.from({ length: 4 }, derive);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const t0 = performance.now();
        await store.get('probe');
        waits.push(performance.now() - t0);
        await Promise.all(running);
      }
      emit(`input.keychain_read_during_4_derivations_${label}_ms`, median(waits), 'ms');
    }
  } finally {
    await store.delete('probe');
  }
}

async function main(): Promise<void> {
  try {
    await hostileLink();
    await imageBomb();
    await andotpGrowth();
    await fifteenMegabyteFiles();
    await keychainDuringDerivations();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
