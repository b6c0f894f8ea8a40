import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { base32Encode } from '../../electron/core';
import { createAppServices } from '../../electron/services/app-services';
import { keytarSecretStore } from '../../electron/vault';
import { EMPTY_DRAFT } from '../../shared/ipc/shapes';
import { recordingClipboard } from '../adapters/recording-clipboard';

// One scenario for the test (which checks every answer) and the benchmark (which reports the slowest):
// `keyfob import` of many accounts in one process, while `keyfob code`, `keyfob list` and the app's
// list and codes read the same vault from others, and the app adds an account between two chunks.

/** One read (or the app's add) made while the import ran. */
export interface Read {
  kind: 'keyfob code' | 'keyfob list' | 'app list + codes' | 'app add';
  ms: number;
  /** Accounts it saw (for the add: 1). */
  count: number;
  /** What was wrong with the answer, if anything (exit status, stderr, unreadable secrets). */
  problem?: string;
}

/** What happened, with the import's own outcome and how long each of its lock holds lasted. */
export interface ReadWhileImport {
  reads: Read[];
  importMs: number;
  importExit: number | null;
  importStderr: string;
  lockHoldsMs: number[];
}

/** Runs the scenario on the vault at `home` / keychain `service` with the built CLI `bin`. */
export async function readWhileImporting(opts: {
  bin: string;
  home: string;
  service: string;
  accounts: number;
  /** Where the import file is written. */
  scratch: string;
}): Promise<ReadWhileImport> {
  const env = { ...process.env, KEYFOB_HOME: opts.home, KEYFOB_KEYCHAIN_SERVICE: opts.service };
  const list = join(opts.scratch, 'bulk-import.txt');
  await writeFile(list, bulkUris(opts.accounts));
  const app = await createAppServices({
    home: opts.home,
    secrets: keytarSecretStore(opts.service, process.platform, { home: opts.home }),
    clipboard: recordingClipboard(),
    watch: false,
  });
  const started = performance.now();
  const importing = run(opts.bin, ['import', list], env);
  let done = false;
  void importing.then(() => (done = true));
  const holds = sampleLockHolds(join(opts.home, 'accounts.json.lock'), () => done);
  const reads: Read[] = [];
  let added = false;
  while (!done) {
    const code = await timed(() => run(opts.bin, ['code'], env));
    reads.push({ kind: 'keyfob code', ms: code.ms, ...cliOutcome(code.value, (out) => lines(out)) });
    const listed = await timed(() => run(opts.bin, ['list', '--json'], env));
    reads.push({
      kind: 'keyfob list',
      ms: listed.ms,
      ...cliOutcome(listed.value, (out) => (JSON.parse(out) as unknown[]).length),
    });
    const inApp = await timed(async () => {
      const status = await app.handlers['vault:status']();
      const accounts = await app.handlers['accounts:list']();
      const codes = await app.handlers['accounts:codes']();
      return { status, accounts, codes };
    });
    const { status, accounts, codes } = inApp.value;
    const problem = !status.ok
      ? `status: ${status.error.message}`
      : status.recovered.length > 0
        ? `recovered: ${status.recovered.join(' | ')}`
        : codes.unavailable.length > 0 || codes.codes.length !== accounts.length
          ? `${codes.unavailable.length} of ${accounts.length} codes unavailable`
          : undefined;
    reads.push({
      kind: 'app list + codes',
      ms: inApp.ms,
      count: accounts.length,
      ...(problem ? { problem } : {}),
    });
    if (!added && accounts.length > 0 && !done) {
      added = true;
      const add = await timed(() =>
        app.handlers['accounts:add'](
          { ...EMPTY_DRAFT, issuer: 'Between', account: 'chunks', secret: base32Encode(randomBytes(20)) },
          { allowDuplicate: false },
        ),
      ).catch((e: unknown) => ({ ms: 0, value: e as Error }));
      const failed = add.value instanceof Error ? `add failed: ${add.value.message}` : undefined;
      reads.push({ kind: 'app add', ms: add.ms, count: 1, ...(failed ? { problem: failed } : {}) });
    }
  }
  const imported = await importing;
  await app.close();
  return {
    reads,
    importMs: performance.now() - started,
    importExit: imported.code,
    importStderr: imported.stderr,
    lockHoldsMs: await holds,
  };
}

/** `count` otpauth URIs with fresh random secrets, one per line. */
function bulkUris(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `otpauth://totp/Bulk:user${i}?secret=${base32Encode(randomBytes(20))}&issuer=Bulk\n`,
  ).join('');
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function lines(text: string): number {
  return text.split('\n').filter((l) => l !== '').length;
}

function cliOutcome(r: Ran, count: (stdout: string) => number): { count: number; problem?: string } {
  if (r.code !== 0 || r.stderr !== '')
    return { count: 0, problem: `exit ${String(r.code)}: ${r.stderr.trim().slice(0, 300)}` };
  return { count: count(r.stdout) };
}

/** How long each lock hold lasted, sampled every few ms until `stop()` (for the figures). */
async function sampleLockHolds(path: string, stop: () => boolean): Promise<number[]> {
  const holds: number[] = [];
  let current: { nonce: string; since: number } | undefined;
  while (!stop()) {
    const text = await readFile(path, 'utf8').catch(() => '');
    const nonce = /"nonce":"([^"]*)"/.exec(text)?.[1];
    const now = performance.now();
    if (current !== undefined && current.nonce !== nonce) {
      holds.push(now - current.since);
      current = undefined;
    }
    if (nonce !== undefined && current === undefined) current = { nonce, since: now };
    await new Promise((r) => setTimeout(r, 5));
  }
  return holds;
}
