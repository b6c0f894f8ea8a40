import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readWhileImporting, type Read } from '../test-support/cli/read-while-import';
import { keytarSecretStore, Vault } from '../electron/vault';
import { INDEX_KEY_ID } from '../electron/vault/secret-service/item-index';
import { atMost, emit, median } from './figures';

/**
 * Readers never wait for a writer: `keyfob import` of 1200 accounts on the real keyring (run inside
 * scripts/with-keyring.mjs) while `keyfob code`, `keyfob list` and the app's list + codes read the
 * same vault in a loop and the app adds one account between two slices. Reports the slowest read of
 * each kind (target: well under a second), the same `keyfob code` once the import is over, how
 * long the app's add waited, and the longest the import held the lock.
 */
const ACCOUNTS = 1200;
const scratch = mkdtempSync(join(tmpdir(), 'keyfob-bench-import-'));
const home = join(scratch, 'vault');
const service = `Keyfob-bench-import-${process.pid}`;
const env = { ...process.env, KEYFOB_HOME: home, KEYFOB_KEYCHAIN_SERVICE: service };
// Run from the repository root (bench/run.mjs does): the CLI bundle lives in out/main/.
const bin = resolve(process.cwd(), 'out/main/keyfob.js');

async function main(): Promise<void> {
  const r = await readWhileImporting({ bin, home, service, accounts: ACCOUNTS, scratch });
  const problems = r.reads.filter((x) => x.problem !== undefined);
  if (r.importExit !== 0 || problems.length > 0) {
    const what = problems.map((p) => `${p.kind}: ${p.problem ?? ''}`).join('; ');
    throw new Error(`import exit ${String(r.importExit)} ${r.importStderr}; ${what}`);
  }
  const of = (kind: Read['kind']) => r.reads.filter((x) => x.kind === kind).map((x) => x.ms);
  const slowest = (xs: number[]) => Math.round(Math.max(...xs));
  emit('import_1200.total_ms', Math.round(r.importMs), 'ms');
  emit('import_1200.longest_lock_hold_ms', slowest(r.lockHoldsMs), 'ms');
  const kinds = [
    ['keyfob code', 'keyfob_code'],
    ['keyfob list', 'keyfob_list'],
    ['app list + codes', 'app_list_and_codes'],
  ] as const;
  for (const [kind, metric] of kinds) {
    const ms = of(kind);
    emit(`read_during_import_1200.${metric}_reads`, ms.length, 'count');
    emit(`read_during_import_1200.${metric}_median_ms`, median(ms), 'ms');
    emit(`read_during_import_1200.${metric}_slowest_ms`, slowest(ms), 'ms', atMost(slowest(ms), 1000));
  }
  const added = slowest(of('app add'));
  emit('read_during_import_1200.app_add_between_slices_ms', added, 'ms', atMost(added, 5000));

  // The same `keyfob code` with the import over, for comparison.
  const quiet: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const out = spawnSync(process.execPath, [bin, 'code'], { env, encoding: 'utf8' });
    quiet.push(performance.now() - t0);
    if (out.status !== 0) throw new Error(`keyfob code failed: ${out.stderr}`);
  }
  emit('read_after_import_1200.keyfob_code_median_ms', median(quiet), 'ms');
}

async function cleanup(): Promise<void> {
  const secrets = keytarSecretStore(service);
  const { vault } = await Vault.open({ home, secrets });
  for (const a of await vault.list()) await secrets.delete(a.id);
  await secrets.delete(INDEX_KEY_ID);
  rmSync(scratch, { recursive: true, force: true });
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
