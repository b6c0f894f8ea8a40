import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault, keytarSecretStore } from '../vault';
import { deleteService, requirePrivateKeyring, uniqueService } from '../../test-support/vault/keyring';
import { readWhileImporting, type Read } from '../../test-support/cli/read-while-import';

// A bulk `keyfob import` in one process while `keyfob code`, `keyfob list` and the app read the
// same vault from others (and the app adds an account): every read answers at once from the last
// committed list, and nothing of the import is taken for an interrupted save. The benchmark
// (bench/read-while-import-bench.ts) runs the same scenario with 1200 accounts and reports timings.
// Needs the built CLI: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const ACCOUNTS = 400;

let scratch: string;
let service: string;
beforeAll(() => {
  requirePrivateKeyring();
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  scratch = mkdtempSync(join(tmpdir(), 'keyfob-read-import-'));
  service = uniqueService('read-import');
});
afterAll(async () => {
  await deleteService(service);
  rmSync(scratch, { recursive: true, force: true });
});

describe('reading while another process imports', () => {
  it(
    `${ACCOUNTS} accounts: every read succeeds from the committed list; the app's add gets in`,
    { timeout: 240_000 },
    async () => {
      const home = join(scratch, 'vault');
      const r = await readWhileImporting({ bin: BIN, home, service, accounts: ACCOUNTS, scratch });
      expect([r.importExit, r.importStderr.trim()]).toEqual([
        0,
        `keyfob: ${ACCOUNTS} added, 0 duplicates skipped, 0 rejected`,
      ]);
      // No read failed, waited for the lock, reported a recovery or listed an account without its secret.
      expect(r.reads.filter((x) => x.problem !== undefined)).toEqual([]);
      const of = (kind: Read['kind']) => r.reads.filter((x) => x.kind === kind);
      for (const kind of ['keyfob code', 'keyfob list', 'app list + codes'] as const) {
        const counts = of(kind).map((x) => x.count);
        expect(counts.length, kind).toBeGreaterThanOrEqual(3);
        // Mid-import answers, never going back (only adds happen), never more than will be stored.
        expect(
          counts.some((n) => n > 0 && n < ACCOUNTS),
          kind,
        ).toBe(true);
        expect(counts, kind).toEqual([...counts].sort((a, b) => a - b));
        expect(Math.max(...counts), kind).toBeLessThanOrEqual(ACCOUNTS + 1);
      }
      expect(of('app add').map((x) => x.count)).toEqual([1]);
      // The import held the lock slice by slice, not for its whole length.
      expect(r.lockHoldsMs.length).toBeGreaterThan(2);

      const { vault, report } = await Vault.open({ home, secrets: keytarSecretStore(service) });
      expect(report.recovered).toEqual([]);
      const listed = await vault.list();
      expect(listed).toHaveLength(ACCOUNTS + 1);
      expect(listed.filter((a) => a.issuer === 'Between').map((a) => a.account)).toEqual(['chunks']);
      const secrets = await vault.secrets(listed.map((a) => a.id));
      expect([...secrets.values()].filter((s) => !(s instanceof Uint8Array))).toEqual([]);
    },
  );
});
