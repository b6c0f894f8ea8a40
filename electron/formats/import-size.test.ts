import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ENTRIES } from './import-limits';
import { Vault } from '../vault';
import { tempHome } from '../../test-support/vault/fixtures';
import { planImport } from '../services/import/plan';
import { readImport } from './registry';
import { BULK_KINDS, bulkFile, bulkTokens } from './testdata/bulk';
import { memorySecretStore } from '../../test-support/vault/memory-secret-store';
import { entrySource, lineSource } from './format';

// Imports are bounded and linear: at most MAX_IMPORT_ENTRIES accounts per import, refused as a
// whole (one line) past it; duplicate checks index entries instead of comparing every pair.

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const overLimit = bulkTokens(MAX_IMPORT_ENTRIES + 1);

describe(`the ${MAX_IMPORT_ENTRIES.toLocaleString('en-US')}-account limit`, () => {
  const files = BULK_KINDS.filter((k) => k !== 'google-transfer');

  it.each(files)('%s: one account over the limit refuses the file in one line', async (kind) => {
    const { name, bytes } = bulkFile(kind, overLimit);
    await expect(readImport(name, bytes)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(
        /^This .+ holds 10,001 accounts; Keyfob imports at most 10,000 at a time\. Split it into smaller files/,
      ),
    });
  });

  // One JSON format, the CSV reader and the line reader: the three ways files are walked.
  it.each(['aegis', 'bitwarden-csv', 'otpauth'] as const)(
    '%s: a file at the limit is read whole',
    async (kind) => {
      const { name, bytes } = bulkFile(kind, overLimit.slice(0, MAX_IMPORT_ENTRIES));
      const report = await readImport(name, bytes);
      expect([report.entries.length, report.errors]).toEqual([MAX_IMPORT_ENTRIES, []]);
    },
  );

  it('transfer codes past the limit: the code that passes it is refused, the rest kept', async () => {
    const { name, bytes } = bulkFile('google-transfer', overLimit);
    const report = await readImport(name, bytes);
    expect(report.entries).toHaveLength(MAX_IMPORT_ENTRIES);
    expect(report.errors).toEqual([
      {
        source: lineSource('transfer-codes.txt', 1001),
        message: expect.stringMatching(/holds more than 10,000 accounts/),
      },
    ]);
  });
});

describe('planImport at the limit', () => {
  it('tells new, stored and repeated entries apart among 10,000', async () => {
    const { home, cleanup } = tempHome();
    cleanups.push(cleanup);
    const { vault } = await Vault.open({ home, secrets: memorySecretStore() });
    const tokens = bulkTokens(9_900);
    // 50 already stored; 100 of the file repeat earlier entries of the same file.
    await vault.addMany(tokens.slice(0, 50).map((token) => ({ token })));
    const entries = [...tokens, ...tokens.slice(9_000, 9_100)].map((token, i) => ({
      source: entrySource('f', i),
      token,
    }));
    const plan = await planImport(vault, [
      { entries, errors: [{ source: entrySource('f', 10_000), message: 'bad' }] },
    ]);
    const count = (s: string) => plan.filter((p) => p.status === s).length;
    expect([count('new'), count('duplicate'), count('rejected')]).toEqual([9_850, 150, 1]);
    expect(plan[9_900]).toMatchObject({
      status: 'duplicate',
      duplicateOf: { source: entrySource('f', 9_000) },
    });
    expect(plan[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: { account: { id: expect.any(String) } },
    });
    expect(plan.at(-1)).toMatchObject({ source: entrySource('f', 10_000), status: 'rejected' });
  });
});
