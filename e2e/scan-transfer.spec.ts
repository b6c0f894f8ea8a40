import { expect as baseExpect, test } from '@playwright/test';
import { parseKeyUri } from '../electron/core';
import { formatMigrationUris } from '../electron/formats/google-migration/writer';
import { launchApp, type LaunchedApp } from './harness';
import { chooseImage, openScan, qrPng } from './scan-helpers';
import { defined } from '../test-support/defined';

// The first decode compiles zxing's 950 kB .wasm in the worker (or main); on two shared, busy
// cores that alone can take seconds, so scan results get more time than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

// Google Authenticator's transfer: codes of one export collected in any order, another export's
// code refused, accounts confirmed only once the set is complete.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'KRSXG5CTMVRXEZLU'];

/** `n` accounts, enough for several transfer codes (Google puts 10 in each). */
function tokens(n: number, prefix: string) {
  return Array.from({ length: n }, (_, i) =>
    parseKeyUri(
      `otpauth://totp/${prefix}%20${i + 1}:user${i + 1}?secret=${SECRETS[i % SECRETS.length]}${'A'.repeat(i % 8)}&issuer=${prefix}%20${i + 1}`,
    ),
  );
}

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('a transfer of 3 codes scanned in the order 2, 3, 1 adds every account', async () => {
  const uris = formatMigrationUris(tokens(25, 'Site'), -12345);
  expect(uris).toHaveLength(3);
  app = await launchApp({ nowMs: NOW });
  const { page } = app;
  const dialog = await openScan(page);
  await chooseImage(page, await qrPng(defined(uris[1]), 4));
  await expect(dialog.getByRole('status')).toHaveText('1 of 3 scanned — show codes 1 and 3.');
  await chooseImage(page, await qrPng(defined(uris[2]), 4));
  await expect(dialog.getByRole('status')).toHaveText('2 of 3 scanned — show code 1.');
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
  await chooseImage(page, await qrPng(defined(uris[0]), 4));
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('listitem')).toHaveCount(25);
  await confirm.getByRole('button', { name: 'Add 25 accounts' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Added 25 accounts' })).toBeVisible();
  const listed = await app.call('accounts:list');
  expect(listed.ok && listed.value.map((a) => a.issuer)).toEqual(
    Array.from({ length: 25 }, (_, i) => `Site ${i + 1}`),
  );
});

test('a code from another transfer is refused and nothing is added', async () => {
  const ours = formatMigrationUris(tokens(15, 'Ours'), 111);
  const theirs = formatMigrationUris(tokens(15, 'Theirs'), 222);
  app = await launchApp({ nowMs: NOW });
  const dialog = await openScan(app.page);
  await chooseImage(app.page, await qrPng(defined(ours[0]), 4));
  await expect(dialog.getByRole('status')).toHaveText('1 of 2 scanned — show code 2.');
  await chooseImage(app.page, await qrPng(defined(theirs[1]), 4));
  await expect(dialog.getByRole('status')).toContainText(
    'belongs to a different Google Authenticator export',
  );
  await expect(dialog.getByRole('status')).toContainText('show code 2 of that export');
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
  // The half-collected transfer lives in main: there is nothing to save until it is complete.
  expect(await app.call('scan:save', [])).toMatchObject({
    ok: false,
    error: { code: 'invalid-input', message: expect.stringContaining('nothing scanned to save') },
  });
});

test('an export with no accounts imports nothing, without an error', async () => {
  const [empty] = formatMigrationUris([], 333);
  app = await launchApp({ nowMs: NOW });
  const dialog = await openScan(app.page);
  await chooseImage(app.page, await qrPng(defined(empty)));
  await expect(dialog.getByRole('status')).toHaveText('This export holds no accounts.');
  await expect(dialog.getByRole('status')).not.toHaveClass(/error/);
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
});
