import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Vault, keytarSecretStore, type SecretStore } from '../electron/vault';
import { token } from '../test-support/vault/fixtures';
import { INDEX_KEY_ID } from '../electron/vault/secret-service/item-index';
import { atMost, emit, median } from './figures';

/**
 * Vault and CLI figures on the real keyring (run inside scripts/with-keyring.mjs):
 * open + list with 500 accounts, reading all 500 secrets (three ways), and `keyfob code` end to end.
 */
const ACCOUNTS = 500;
const RUNS = 7;
const home = mkdtempSync(join(tmpdir(), 'keyfob-bench-'));
const service = `Keyfob-bench-${process.pid}`;
// Run from the repository root (bench/run.mjs does): the bundle lives in out/bench/.
const cli = resolve(process.cwd(), 'out/main/keyfob.js');

async function main(): Promise<void> {
  const secrets = keytarSecretStore(service);
  const { vault } = await Vault.open({ home, secrets });
  const t0 = performance.now();
  for (let i = 0; i < ACCOUNTS; i++) {
    await vault.add(token(`Issuer ${i % 37}`, `user${i}@example.com`, i));
  }
  emit('vault.add_500_accounts', Math.round(performance.now() - t0), 'ms');

  // Reads through keytar's own per-item path, through the Secret Service batch without the item
  // index, and with it (as the app and the CLI run: the first read builds the index).
  const readWith = async (store: SecretStore, runs: number) => {
    const opens: number[] = [];
    const reads: number[] = [];
    for (let r = 0; r < runs; r++) {
      const a = performance.now();
      const { vault: v } = await Vault.open({ home, secrets: store });
      const list = await v.list();
      opens.push(performance.now() - a);
      if (list.length !== ACCOUNTS) throw new Error(`listed ${list.length}, expected ${ACCOUNTS}`);
      const b = performance.now();
      const all = await v.secrets(list.map((x) => x.id));
      reads.push(performance.now() - b);
      if ([...all.values()].some((s) => !(s instanceof Uint8Array)))
        throw new Error('a secret did not read back');
    }
    return { open: median(opens), read: median(reads) };
  };
  const perItem = await readWith({ ...keytarSecretStore(service), readAll: undefined }, 3);
  const batch = await readWith(keytarSecretStore(service), 3);
  const indexed = await readWith(keytarSecretStore(service, process.platform, { home }), RUNS);
  emit('vault.open_and_list_500_ms_median', indexed.open, 'ms', atMost(indexed.open, 300));
  emit('vault.read_500_secrets_keytar_per_item_ms_median', perItem.read, 'ms');
  if (process.platform === 'linux') {
    emit('vault.read_500_secrets_secret_service_batch_ms_median', batch.read, 'ms');
    emit('vault.read_500_secrets_batch_with_item_index_ms_median', indexed.read, 'ms');
  }

  const env = { ...process.env, KEYFOB_HOME: home, KEYFOB_KEYCHAIN_SERVICE: service };
  const cliRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const a = performance.now();
    const out = spawnSync(process.execPath, [cli, 'code'], { env, encoding: 'utf8' });
    cliRuns.push(performance.now() - a);
    const lines = out.stdout.trim().split('\n').length;
    if (out.status !== 0 || lines !== ACCOUNTS)
      throw new Error(`keyfob code failed (${out.status}, ${lines} lines): ${out.stderr}`);
  }
  emit('cli.keyfob_code_500_end_to_end_ms_median', median(cliRuns), 'ms', atMost(median(cliRuns), 600));

  for (const acc of await vault.list()) await secrets.delete(acc.id);
  await secrets.delete(INDEX_KEY_ID);
  rmSync(home, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
