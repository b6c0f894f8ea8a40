import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImport, writeExport } from '../electron/formats';
import { thousandAccounts } from '../electron/formats/testdata/thousand';
import { Vault, keytarSecretStore } from '../electron/vault';
import { atMost, emit, median } from './figures';

/**
 * Backup figures (target: encrypted export plus import of 1000 accounts ≤ 3 s). File level: an
 * encrypted Aegis export of 1000 accounts and reading it back (scrypt N=32768 twice, AES-GCM, JSON).
 * End to end on the real keyring (run inside scripts/with-keyring.mjs): reading the secrets of a
 * vault and writing the backup, then adding every account to an empty vault. gnome-keyring rewrites
 * its keyring file on every item write (≈ 20 ms each, more as it grows), so the end-to-end import
 * uses E2E_ACCOUNTS accounts and reports the cost per account instead of taking minutes.
 */
const RUNS = 5;
const E2E_ACCOUNTS = 200;
const PASSWORD = 'bench password';

async function fileLevel(): Promise<void> {
  const tokens = thousandAccounts();
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const { bytes } = await writeExport('aegis-encrypted', tokens, PASSWORD);
    const back = await readImport('bench.json', bytes, PASSWORD);
    runs.push(performance.now() - t0);
    if (back.entries.length !== 1000 || back.errors.length > 0) throw new Error('round trip lost accounts');
  }
  emit(
    'backup.aegis_encrypted_export_plus_import_1000_ms_median',
    median(runs),
    'ms',
    atMost(median(runs), 3000),
  );
}

async function endToEnd(): Promise<void> {
  const service = `Keyfob-backup-bench-${process.pid}`;
  const from = mkdtempSync(join(tmpdir(), 'keyfob-bench-from-'));
  const to = mkdtempSync(join(tmpdir(), 'keyfob-bench-to-'));
  const { vault: source } = await Vault.open({ home: from, secrets: keytarSecretStore(`${service}-from`) });
  const { vault: target } = await Vault.open({ home: to, secrets: keytarSecretStore(`${service}-to`) });
  try {
    await source.addMany(
      thousandAccounts()
        .slice(0, E2E_ACCOUNTS)
        .map((token) => ({ token, allowDuplicate: true })),
    );
    const t0 = performance.now();
    const accounts = await source.list();
    const secrets = await source.secrets(accounts.map((a) => a.id));
    const tokens = accounts.map((a) => ({ ...a, secret: secrets.get(a.id) as Uint8Array }));
    const { bytes } = await writeExport('aegis-encrypted', tokens, PASSWORD);
    const t1 = performance.now();
    const report = await readImport('bench.json', bytes, PASSWORD);
    // As the app's Import… and `keyfob import` save: Vault.addMany, 100 accounts per call.
    for (let i = 0; i < report.entries.length; i += 100) {
      const chunk = report.entries.slice(i, i + 100).map((e) => ({ token: e.token, allowDuplicate: true }));
      if ((await target.addMany(chunk)).some((r) => r instanceof Error)) throw new Error('an entry failed');
    }
    const t2 = performance.now();
    if ((await target.list()).length !== E2E_ACCOUNTS) throw new Error('import lost accounts');
    emit(`backup.vault_export_${E2E_ACCOUNTS}_encrypted_ms`, Math.round(t1 - t0), 'ms');
    emit(`backup.vault_import_${E2E_ACCOUNTS}_encrypted_ms`, Math.round(t2 - t1), 'ms');
    emit('backup.vault_import_ms_per_account', Math.round(((t2 - t1) / E2E_ACCOUNTS) * 10) / 10, 'ms');
    emit(`backup.vault_export_plus_import_${E2E_ACCOUNTS}_real_keychain_ms`, Math.round(t2 - t0), 'ms');
  } finally {
    for (const [vault, store] of [
      [source, `${service}-from`],
      [target, `${service}-to`],
    ] as const) {
      const s = keytarSecretStore(store);
      for (const a of await vault.list()) await s.delete(a.id);
    }
    rmSync(from, { recursive: true, force: true });
    rmSync(to, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await fileLevel();
  await endToEnd();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
