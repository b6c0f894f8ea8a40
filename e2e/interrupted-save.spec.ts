import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { rawKeytar } from '../test-support/vault/keyring';
import { record } from '../test-support/vault/fixtures';
import { launchApp, type LaunchedApp } from './harness';

// Another process (an import) was killed half-way: while its writer holds the lock its entries are
// work in progress and the app shows nothing; once it is gone the app finishes them and says what
// happened in one line, which the user can dismiss.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const ACCOUNTS = [{ issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }];

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('an interrupted import is finished once its writer is gone, and reported in one line', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  const notice = page.getByRole('status', { name: 'Interrupted changes' });
  const refocus = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(rows).toHaveCount(1);

  // What the import left: three pending entries, the secrets of the first two already stored.
  const file = join(app.home, 'accounts.json');
  const lock = `${file}.lock`;
  const meta = JSON.parse(await readFile(file, 'utf8')) as { accounts: unknown[] };
  const keytar = await rawKeytar();
  for (const [i, stored] of [true, true, false].entries()) {
    const id = randomUUID();
    meta.accounts.push(record(id, 'pending', { issuer: 'Bulk', account: `user${i}`, order: i + 1 }));
    if (stored) await keytar.setPassword(app.service, id, 'GEZDGNBVGY3TQOJQ');
  }
  const writer = { pid: process.pid, host: hostname(), at: Date.now(), nonce: 'importer' };
  await writeFile(lock, JSON.stringify(writer));
  await writeFile(file, JSON.stringify(meta));

  // Its writer is alive: nothing is recovered, the committed list is shown.
  await refocus();
  expect(await app.call('vault:status')).toEqual({ ok: true, value: { ok: true, recovered: [] } });
  await expect(rows).toHaveCount(1);
  await expect(notice).toHaveCount(0);

  // The writer is gone: the next look finishes its work.
  await rm(lock);
  await refocus();
  await expect(notice).toContainText(
    "Recovered 2 accounts whose save was interrupted; 1 was dropped before its secret was stored — import it again: 'Bulk: user2'.",
  );
  await expect(rows).toHaveCount(3);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await refocus();
  await expect(rows).toHaveCount(3);
  await expect(notice).toHaveCount(0);
});
