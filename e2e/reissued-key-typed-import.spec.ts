import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { launchApp, type LaunchedApp } from './harness';
import { codeAtNow as grouped, NEW, NOW, OLD, warningFor } from './reissued-key-helpers';
import { scriptedDialogs } from '../test-support/adapters/scripted-dialogs';

// A new key for an account Keyfob has, typed by hand or found in a backup: the same warning and the
// same three choices as a scan, before anything is saved.
const ACCOUNTS = [{ issuer: 'GitHub', account: 'alice', secret: OLD }];
const WARNING = warningFor('GitHub — alice');

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const github = (page: Page) => page.getByRole('listitem', { name: /^GitHub, alice/ });

async function typeKey(page: Page, secret: string) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('menuitem', { name: /Enter key manually/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await dialog.getByLabel('Issuer').fill('GitHub');
  await dialog.getByLabel('Account').fill('alice');
  await dialog.getByLabel('Secret key').fill(secret);
  return dialog;
}

test('typed: the form warns before saving; "Replace key" swaps it in, and Undo restores the old one', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const dialog = await typeKey(page, NEW);
  const warning = dialog.getByRole('alert').filter({ hasText: WARNING });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('radio', { name: 'Replace its key' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Replace key' }).click();
  await expect(dialog).toBeHidden();
  await expect(github(page)).toHaveCount(1);
  await expect(github(page)).toContainText(grouped(NEW));
  await page
    .getByRole('status')
    .filter({ hasText: 'Replaced the key of GitHub' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(github(page)).toContainText(grouped(OLD));
});

test('typed: "Add as a separate account" adds a second row; "Skip" closes without saving', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  let dialog = await typeKey(page, NEW);
  await dialog.getByRole('radio', { name: 'Skip' }).check();
  await dialog.getByRole('button', { name: 'Skip' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.services.handlers['accounts:list']()).toHaveLength(1);

  dialog = await typeKey(page, NEW);
  await dialog.getByRole('radio', { name: 'Add as a separate account' }).check();
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();
  await expect(github(page)).toHaveCount(2);
  await expect(github(page).nth(1)).toContainText(grouped(NEW));
});

test('import: a re-issued key in a backup replaces the key by default; Undo restores it', async () => {
  const dialogs = scriptedDialogs();
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, dialogs });
  const { page } = app;
  const file = test.info().outputPath('links.txt');
  await writeFile(
    file,
    [
      `otpauth://totp/GitHub:alice?secret=${NEW}&issuer=GitHub`,
      'otpauth://totp/GitLab:alice?secret=KRSXG5CTMVRXEZLU&issuer=GitLab',
      '',
    ].join('\n'),
  );
  dialogs.nextOpen(file);
  await page.getByRole('button', { name: 'Backup and import' }).click();
  await page.getByRole('menuitem', { name: /^Import/ }).click();
  const imp = page.getByRole('dialog', { name: 'Import from links.txt' });
  await expect(
    imp.getByText(/1 new, 0 already in Keyfob, 1 with a new key for an account in Keyfob/),
  ).toBeVisible();
  const entry = imp.getByRole('listitem', { name: 'GitHub: alice' });
  await expect(entry).toContainText('A new key for an account in Keyfob');
  await expect(entry.getByRole('group', { name: WARNING })).toBeVisible();
  await expect(entry.getByRole('radio', { name: 'Replace its key' })).toBeChecked();
  await imp.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(imp).toBeHidden();

  const toast = page.getByRole('status').filter({ hasText: 'Imported 1 account, 1 key replaced' });
  await expect(toast).toBeVisible();
  await expect(github(page)).toContainText(grouped(NEW));
  expect((await app.services.handlers['accounts:list']()).map((a) => a.issuer)).toEqual(['GitHub', 'GitLab']);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(github(page)).toContainText(grouped(OLD));
});
