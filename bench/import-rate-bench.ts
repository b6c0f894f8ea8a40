import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bulkTokens } from '../electron/formats/testdata/bulk';
import { writeKeyfobList } from '../electron/formats/testdata/key-uris';
import { planEntries } from '../electron/services/import/plan';
import { saveImport } from '../electron/services/import/save';
import { Vault, keytarSecretStore } from '../electron/vault';
import { INTERNAL_IDS } from '../electron/vault/keytar-store';
import { emit } from './figures';

/**
 * How fast an import saves into gnome-keyring as it fills (run inside scripts/with-keyring.mjs):
 * accounts per second for a batch saved the way the app's Import… and `keyfob import` save, into a
 * keyring already holding 0, 500 and 1000 of the vault's items. gnome-keyring rewrites its whole
 * file for every item, so the rate falls as it fills; these figures say when an import needs its
 * progress bar. Then, with that vault (≈ 1150 accounts), how long the other commands that touch
 * every account take end to end, to show which of them can run past a couple of seconds.
 */
const BATCH = 150;
const LEVELS = [0, 500, 1000] as const;
const home = mkdtempSync(join(tmpdir(), 'keyfob-bench-rate-'));
const service = `Keyfob-bench-rate-${process.pid}`;
// Run from the repository root (bench/run.mjs does): the CLI bundle lives in out/main/.
const bin = resolve(process.cwd(), 'out/main/keyfob.js');
const tokens = bulkTokens(BATCH * LEVELS.length + Math.max(...LEVELS));

async function main(): Promise<void> {
  const { vault } = await Vault.open({
    home,
    secrets: keytarSecretStore(service, process.platform, { home }),
  });
  let next = 0;
  const take = (n: number) => tokens.slice(next, (next += n));
  for (const level of LEVELS) {
    const stored = (await vault.list()).length;
    if (stored < level) await vault.addMany(take(level - stored).map((token) => ({ token })));
    const batch = take(BATCH);
    const plan = planEntries(
      [{ entries: batch.map((token, i) => ({ source: { file: 'b', at: i }, token })), errors: [] }],
      [],
    );
    const t0 = performance.now();
    await saveImport(
      vault,
      plan,
      plan.map(() => 'keep-both'),
      [],
      () => undefined,
    );
    const seconds = (performance.now() - t0) / 1000;
    emit(
      `import.accounts_per_s_into_gnome_keyring_at_${level}_existing`,
      Math.round((BATCH / seconds) * 10) / 10,
      'accounts/s',
    );
  }
  await otherCommands((await vault.list()).length);
}

/** One run of each command that reads or changes every account, timed end to end. */
async function otherCommands(count: number): Promise<void> {
  const env = { ...process.env, KEYFOB_HOME: home, KEYFOB_KEYCHAIN_SERVICE: service };
  const timed = (metric: string, args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`keyfob ${args.join(' ')} failed (${String(r.status)}): ${r.stderr}`);
    emit(`cli.${metric}_${count}_accounts_ms`, Math.round(performance.now() - t0), 'ms');
    return r.stdout;
  };
  // The first `keyfob code` after an import learns where the new items are (one lookup each).
  timed('first_code_after_import', ['code']);
  timed('code', ['code']);
  timed('export_otpauth', ['export', '--format', 'otpauth', '--out', join(home, 'export.txt'), '--force']);
  const list = join(home, 'again.txt');
  writeFileSync(list, writeKeyfobList(tokens.slice(0, count)));
  timed('import_all_duplicates', ['import', list]);
  const id = (JSON.parse(timed('list', ['list', '--json'])) as Array<{ id: string }>)[0]?.id ?? '';
  timed('replace', ['replace', id, 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP']);
  timed('restore', ['restore', id]);
  timed('doctor', ['doctor']);
}

async function cleanup(): Promise<void> {
  const secrets = keytarSecretStore(service);
  for (const item of await secrets.list()) await secrets.delete(item.id);
  for (const id of INTERNAL_IDS) await secrets.delete(id);
  rmSync(home, { recursive: true, force: true });
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
