import { expect, test, type Locator } from '@playwright/test';
import { parseMigrationUri } from '../electron/formats/google-migration/transfer-uri';
import { decodeImageFile } from '../electron/qr/image-file';
import { launchApp, type LaunchedApp } from './harness';

// "Show QR" and "Transfer to Google Authenticator" (≤ 10 accounts per code, shown one after
// another). Main asks with a native dialog before either sends a key to the window; the harness's
// scripted dialogs answer it and record what it said. The QR images on screen are decoded back
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

const GITHUB = { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' };
const GITHUB_URI = 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

test('Show QR refused in the native dialog: nothing is shown and no key reaches the window', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  const { page } = app;
  await page.getByRole('button', { name: 'Actions for GitHub' }).click();
  await page.getByRole('menuitem', { name: 'Show QR…' }).click();
  await expect.poll(() => app.dialogs.shown.length).toBe(1);
  expect(app.dialogs.shown[0]).toMatchObject({
    kind: 'confirm',
    message: 'Show the secret key of GitHub: alice@example.com as a QR code?',
    detail: expect.stringMatching(/Anyone who sees or photographs the code can copy the key/u),
  });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  expect(await page.content()).not.toContain('data:image/svg');
  expect(app.errors).toEqual([]);
});

test('Show QR confirmed: the key as a QR code, hidden when the window loses focus, asked again to show again', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  const { page } = app;
  app.dialogs.nextConfirm(true);
  await page.getByRole('button', { name: 'Actions for GitHub' }).click();
  await page.getByRole('menuitem', { name: 'Show QR…' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR code of GitHub' });
  const image = dialog.getByRole('img', { name: 'QR code with the secret key of GitHub' });
  expect(await qrText(image)).toBe(GITHUB_URI);
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();

  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(image).toHaveCount(0);
  await expect(dialog.getByText('The QR code was hidden because the window lost focus.')).toBeVisible();
  // Showing it again is a new reveal: main asks again. Refused: it stays hidden.
  await dialog.getByRole('button', { name: 'Show again…' }).click();
  await expect.poll(() => app.dialogs.shown.length).toBe(2);
  await expect(dialog.getByRole('button', { name: 'Show again…' })).toBeEnabled();
  await expect(image).toHaveCount(0);
  app.dialogs.nextConfirm(true);
  await dialog.getByRole('button', { name: 'Show again…' }).click();
  await expect(image).toBeVisible();
  expect(app.dialogs.shown.map((d) => d.kind)).toEqual(['confirm', 'confirm', 'confirm']);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('transfer refused in the native dialog: the choice stays, no code is shown', async () => {
  app = await launchApp({
    nowMs: NOW,
    accounts: [GITHUB, { issuer: 'Google', account: 'bob', secret: 'GEZDGNBVGY3TQOJQ' }],
  });
  const { page } = app;
  await page.getByRole('button', { name: 'Backup and import' }).click();
  await page.getByRole('menuitem', { name: 'Transfer to Google Authenticator…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer to Google Authenticator' });
  await dialog.getByRole('button', { name: 'Show codes…' }).click();
  await expect.poll(() => app.dialogs.shown.length).toBe(1);
  expect(app.dialogs.shown[0]).toMatchObject({
    kind: 'confirm',
    message: 'Show transfer codes with the secret keys of 2 accounts?',
    detail: expect.stringMatching(
      /^They contain the secret keys of:\n• GitHub: alice@example\.com\n• Google: bob\n/u,
    ),
  });
  await expect(dialog.getByRole('button', { name: 'Show codes…' })).toBeEnabled();
  await expect(dialog.getByRole('img')).toHaveCount(0);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('group', { name: 'Accounts to transfer' })).toBeVisible();
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
  await dialog.getByRole('checkbox', { name: 'Service 22: user22@example.com' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'All accounts' })).not.toBeChecked();
  app.dialogs.nextConfirm(true);
  await dialog.getByRole('button', { name: 'Show codes…' }).click();

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
  // The native dialog named the 21 accounts that went into the codes (not Steam, left out).
  expect(app.dialogs.shown).toMatchObject([
    { kind: 'confirm', message: 'Show transfer codes with the secret keys of 21 accounts?' },
  ]);
  expect((app.dialogs.shown[0] as { detail: string }).detail).toMatch(
    /• Service 10: user10@example\.com\n… and 11 more\n/u,
  );
  await dialog.getByRole('button', { name: 'Previous' }).click();
  await expect(dialog.getByText('2 of 3 · 21 accounts in all')).toBeVisible();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('transfer codes hide when the window loses focus or is hidden; showing them again asks again and goes on where it was', async () => {
  const accounts = Array.from({ length: 12 }, (_, i) => ({
    issuer: `Service ${i + 1}`,
    account: `user${i + 1}`,
    secret: BASE32.slice(i % 8, (i % 8) + 16),
  }));
  app = await launchApp({ nowMs: NOW, accounts });
  const { page } = app;
  await page.getByRole('button', { name: 'Backup and import' }).click();
  await page.getByRole('menuitem', { name: 'Transfer to Google Authenticator…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer to Google Authenticator' });
  app.dialogs.nextConfirm(true);
  await dialog.getByRole('button', { name: 'Show codes…' }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('img', { name: 'Transfer QR code 2 of 2' })).toBeVisible();

  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(dialog.getByRole('img')).toHaveCount(0);
  await expect(dialog.getByRole('status')).toHaveText(
    'The codes were hidden because the window lost focus. Show them again to go on with code 2.',
  );
  app.dialogs.nextConfirm(true);
  await dialog.getByRole('button', { name: 'Show codes…' }).click();
  await expect(dialog.getByRole('img', { name: 'Transfer QR code 2 of 2' })).toBeVisible();
  expect(app.dialogs.shown.map((d) => d.kind)).toEqual(['confirm', 'confirm']);

  // Closing to the tray hides the window: the codes go too.
  app.desktop.window.hide();
  await app.desktop.window.settled();
  await expect(dialog.getByRole('img')).toHaveCount(0);
});
