import { expect as baseExpect, test, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';
import { codeAtNow as grouped, NEW, NOW, OLD, openReplaceKey, warningFor } from './reissued-key-helpers';
import { chooseImage, openScan, paste, qrPng } from './scan-helpers';

// The first decode compiles zxing's .wasm; on two shared cores that can take seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

// "My admin reset my 2FA": the service shows a new QR code for an account Keyfob already has. The
// confirm step says so and offers replace (the default), add separately or skip; a replace shows
// the new code in the row at once, and Undo (or the row menu) brings the old key back.
const REISSUED = `otpauth://totp/GitHub:alice%40example.com?secret=${NEW}&issuer=GitHub`;
const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: OLD },
  { issuer: 'Dropbox', account: 'alice', secret: 'KRSXG5CTMVRXEZLU' },
];
const WARNING = warningFor('GitHub — alice@example.com');

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const row = (page: Page, name: RegExp) => page.getByRole('listitem', { name });
const github = (page: Page) => row(page, /^GitHub, alice@example\.com/);

async function scanReissued(page: Page) {
  await openScan(page);
  await chooseImage(page, await qrPng(REISSUED));
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('group', { name: WARNING })).toBeVisible();
  return confirm;
}

test('replace is the default: the row shows the new code, and the toast’s Undo restores the old key', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const before = await app.services.handlers['accounts:list']();
  await expect(github(page)).toContainText(grouped(OLD));
  const confirm = await scanReissued(page);
  await expect(confirm.getByTestId('scan-code')).toHaveText(grouped(NEW));
  await expect(confirm.getByRole('radio', { name: 'Replace its key' })).toBeChecked();
  await expect(confirm.getByText(/The old key is kept for 30 days/)).toBeVisible();
  await confirm.getByRole('button', { name: 'Replace key' }).click();
  await expect(confirm).toBeHidden();

  await expect(github(page)).toContainText(grouped(NEW));
  const after = await app.services.handlers['accounts:list']();
  expect(after.map((a) => [a.id, a.issuer, a.account])).toEqual(
    before.map((a) => [a.id, a.issuer, a.account]),
  );
  const toast = page.getByRole('status').filter({ hasText: 'Replaced the key of GitHub' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Restored the previous key of GitHub')).toBeVisible();
  await expect(github(page)).toContainText(grouped(OLD));
  expect(app.errors).toEqual([]);
});

test('after a replace, "Restore previous key" in the row menu brings the old key back', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  await openScan(page);
  await paste(page, { text: REISSUED });
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await confirm.getByRole('button', { name: 'Replace key' }).click();
  await expect(github(page)).toContainText(grouped(NEW));
  await page.getByRole('button', { name: 'Actions for GitHub' }).click();
  await page.getByRole('menuitem', { name: 'Restore previous key' }).click();
  await expect(github(page)).toContainText(grouped(OLD));
});

test('"Add as a separate account" keeps both keys as two rows', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const confirm = await scanReissued(page);
  await confirm.getByRole('radio', { name: 'Add as a separate account' }).check();
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(confirm).toBeHidden();
  await expect(github(page)).toHaveCount(2);
  await expect(github(page).nth(0)).toContainText(grouped(OLD));
  await expect(github(page).nth(1)).toContainText(grouped(NEW));
});

test('"Skip" changes nothing', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const confirm = await scanReissued(page);
  // Arrow keys move within the radio group, as in any native one.
  await confirm.getByRole('radio', { name: 'Replace its key' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(confirm.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await confirm.getByRole('button', { name: 'Done' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was added.' })).toBeVisible();
  await expect(github(page)).toHaveCount(1);
  await expect(github(page)).toContainText(grouped(OLD));
});

test('several accounts of that name: the user picks which one gets the new key', async () => {
  const other = 'MFRGGZDFMZTWQ2LK';
  app = await launchApp({
    nowMs: NOW,
    accounts: [...ACCOUNTS, { issuer: 'GitHub', account: 'alice@example.com', secret: other }],
  });
  const { page } = app;
  await openScan(page);
  await chooseImage(page, await qrPng(REISSUED));
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByText(/is already in Keyfob 2 times, each with a different key/)).toBeVisible();
  const which = confirm.getByRole('combobox', { name: 'Which GitHub — alice@example.com gets the new key' });
  await expect(which.getByRole('option')).toHaveText([
    new RegExp(`^Row 1 · added .* · TOTP · code ${grouped(OLD)}$`),
    new RegExp(`^Row 3 · added .* · TOTP · code ${grouped(other)}$`),
  ]);
  const third = (await app.services.handlers['accounts:list']())[2]?.id ?? '';
  await which.selectOption(third);
  await confirm.getByRole('button', { name: 'Replace key' }).click();
  await expect(confirm).toBeHidden();
  await expect(github(page).nth(0)).toContainText(grouped(OLD));
  await expect(github(page).nth(1)).toContainText(grouped(NEW));
});

test('"Replace key…" in the row menu scans the new QR code too, whatever name it carries', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const dialog = await openReplaceKey(page, 'Dropbox');
  await expect(dialog.getByRole('button', { name: 'Replace key' })).toBeDisabled();
  await chooseImage(page, await qrPng(`otpauth://totp/Dropbox:alice.new?secret=${NEW}&issuer=Dropbox`));
  await expect(dialog.getByTestId('preview-code')).toHaveText(grouped(NEW));
  await expect(
    dialog.getByText(/names it Dropbox: alice\.new; the account keeps the name Dropbox: alice/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace key' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, /^Dropbox, alice/)).toContainText(grouped(NEW));
  await page
    .getByRole('status')
    .filter({ hasText: 'Replaced the key of Dropbox' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(row(page, /^Dropbox, alice/)).toContainText(grouped('KRSXG5CTMVRXEZLU'));
});
