import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';

// Editing names, and deleting with a 10-second Undo. The real delete is deferred, so the clock
// is a flowing fake one the test can fast-forward past the Undo window.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Google', account: 'alice@gmail.com', secret: 'GEZDGNBVGY3TQOJQ' },
  { issuer: 'Dropbox', account: 'alice', secret: 'KRSXG5CTMVRXEZLU' },
];

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const names = async () => (await app.services.handlers['accounts:list']()).map((a) => a.issuer);

test('edit renames issuer and account from the row menu and with F2', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  await page.getByRole('button', { name: 'Actions for GitHub' }).click();
  await page.getByRole('menuitem', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit account' });
  await dialog.getByLabel('Issuer').fill('GitHub Enterprise');
  await dialog.getByLabel('Account').fill('alice@corp.example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('listitem', { name: /^GitHub Enterprise, alice@corp\.example, code/ }),
  ).toBeVisible();
  expect(await names()).toEqual(['GitHub Enterprise', 'Google', 'Dropbox']);

  await page.getByRole('listitem', { name: /^Dropbox/ }).focus();
  await page.keyboard.press('F2');
  await expect(dialog.getByLabel('Issuer')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Dropbox Business');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: /^Dropbox Business, alice,/ })).toBeFocused();
  await page.keyboard.press('F2');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await names()).toEqual(['GitHub Enterprise', 'Google', 'Dropbox Business']);
});

test('delete asks first, hides the row at once, and Undo brings it back for good', async () => {
  app = await launchApp({ nowMs: NOW, clock: 'flowing', accounts: ACCOUNTS });
  const { page } = app;
  await page.getByRole('button', { name: 'Actions for Google' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Google?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete' }).click();

  await expect(page.getByRole('listitem', { name: /^Google/ })).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: /^Dropbox/ })).toBeFocused();
  const toast = page.getByRole('status').filter({ hasText: 'Deleted Google' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('listitem', { name: /^Google/ })).toBeFocused();

  await app.advance(11_000);
  await expect(page.getByRole('listitem', { name: /^Google/ })).toBeVisible();
  expect(await names()).toEqual(['GitHub', 'Google', 'Dropbox']);
});

test('without Undo the account is really removed after 10 seconds', async () => {
  app = await launchApp({ nowMs: NOW, clock: 'flowing', accounts: ACCOUNTS });
  const { page } = app;
  await page.getByRole('listitem', { name: /^GitHub/ }).focus();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Delete GitHub?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Deleted GitHub');

  // Still in the vault during the Undo window: closing the window now would keep it.
  await app.advance(5_000);
  expect(await names()).toEqual(['GitHub', 'Google', 'Dropbox']);
  await app.advance(5_500);
  await expect.poll(names).toEqual(['Google', 'Dropbox']);
  await expect(page.getByRole('status')).not.toContainText('Deleted GitHub');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
});
