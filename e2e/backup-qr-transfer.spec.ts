import { expect, test, type Locator } from '@playwright/test';
import { parseMigrationUri } from '../electron/import/google-migration';
import { decodeImageFile } from '../electron/qr/node-image';
import { launchApp, type LaunchedApp } from './harness';

// "Show QR" (behind a confirmation, hidden on blur) and "Transfer to Google Authenticator"
// (≤ 10 accounts per code, shown one after another). The QR images on screen are decoded back
// with Keyfob's own QR reader, so the test checks what a phone would read.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

async function qrText(image: Locator): Promise<string> {
  const png = await image.screenshot();
  const found = (await decodeImageFile(new Uint8Array(png))).codes;
  expect(found).toHaveLength(1);
  return found[0]?.text ?? '';
}

test('Show QR asks first, shows the key as a QR code, and hides it when the window loses focus', async () => {
  app = await launchApp({
    nowMs: NOW,
    accounts: [{ issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }],
  });
  const { page } = app;
  await page.getByRole('button', { name: 'Actions for GitHub' }).click();
  await page.getByRole('menuitem', { name: 'Show QR…' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR code of GitHub' });
  await expect(dialog.getByText(/contains the secret key/)).toBeVisible();
  await expect(dialog.getByRole('img')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Show QR code' }).click();
  const image = dialog.getByRole('img', { name: 'QR code with the secret key of GitHub' });
  const text = await qrText(image);
  expect(text).toBe('otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub');

  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(image).toHaveCount(0);
  await expect(dialog.getByText('The QR code was hidden because the window lost focus.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Show again' }).click();
  await expect(image).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('transfer shows the chosen accounts as numbered migration codes and lists what Google cannot hold', async () => {
  const accounts = Array.from({ length: 22 }, (_, i) => ({
    issuer: `Service ${String(i + 1).padStart(2, '0')}`,
    account: `user${i + 1}@example.com`,
    secret: BASE32.slice(i % 8, (i % 8) + 16),
  }));
  accounts.push({ issuer: 'Steam', account: 'gamer', secret: 'KRSXG5CTMVRXEZLU', type: 'steam' } as never);
  app = await launchApp({ nowMs: NOW, accounts, viewport: { width: 520, height: 800 } });
  const { page } = app;
  await page.getByRole('button', { name: 'Backup and import' }).click();
  await page.getByRole('menuitem', { name: 'Transfer to Google Authenticator…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer to Google Authenticator' });
  await dialog.getByRole('checkbox', { name: 'Service 22 — user22@example.com' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'All accounts' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Show codes' }).click();

  await expect(dialog.getByText('1 of 3 · 21 accounts in all')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Left out' })).toContainText('Steam');
  await expect(dialog.getByRole('button', { name: 'Previous' })).toBeDisabled();
  const batches = [];
  for (let i = 0; i < 3; i++) {
    const image = dialog.getByRole('img', { name: `Transfer QR code ${i + 1} of 3` });
    const code = parseMigrationUri(await qrText(image));
    batches.push({ ...code.batch, names: code.result.entries.map((e) => e.token.issuer) });
    if (i < 2) await dialog.getByRole('button', { name: 'Next' }).click();
  }
  expect(batches.map((b) => [b.index, b.size, b.names.length])).toEqual([
    [0, 3, 10],
    [1, 3, 10],
    [2, 3, 1],
  ]);
  expect(new Set(batches.map((b) => b.id)).size).toBe(1);
  expect(batches.flatMap((b) => b.names)).toEqual(accounts.slice(0, 21).map((a) => a.issuer));
  await dialog.getByRole('button', { name: 'Previous' }).click();
  await expect(dialog.getByText('2 of 3 · 21 accounts in all')).toBeVisible();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});
