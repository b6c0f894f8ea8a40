import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { scriptedDialogs } from '../test-support/adapters/scripted-dialogs';

// The backup reminder: shown while accounts changed after the last backup, dismissible for a
// week, gone after a backup, back after the next change.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const DAY = 86_400_000;
const ACCOUNTS = [{ issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }];

let app: LaunchedApp;
let dir = '';
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyfob-reminder-e2e-'));
});
test.afterEach(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

test('the reminder dismisses for a week and comes back while there is still no backup', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, backupReminder: true });
  let page = app.page;
  const banner = () => page.getByRole('region', { name: 'Backup reminder' });
  await expect(banner()).toContainText('Your accounts are not backed up');
  await banner().getByRole('button', { name: 'Not now' }).click();
  await expect(banner()).toHaveCount(0);
  await expect.poll(async () => (await app.services.handlers['backup:reminder']()).due).toBe(false);

  await app.setNow(NOW + 6 * DAY);
  page = await app.relaunch();
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toBeVisible();
  expect(
    (await app.call('backup:reminder')).ok && (await app.services.handlers['backup:reminder']()).due,
  ).toBe(false);
  await expect(banner()).toHaveCount(0);

  await app.setNow(NOW + 7 * DAY);
  page = await app.relaunch();
  await expect(banner()).toBeVisible();
});

test('a backup clears the reminder; the next change brings it back', async () => {
  const dialogs = scriptedDialogs();
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, backupReminder: true, dialogs });
  const { page } = app;
  const banner = page.getByRole('region', { name: 'Backup reminder' });
  dialogs.nextSave(join(dir, 'backup.json'));
  await banner.getByRole('button', { name: 'Export backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export accounts' });
  await dialog.getByLabel('Password', { exact: true }).fill('purple monkey dishwasher');
  await dialog.getByLabel('Confirm password').fill('purple monkey dishwasher');
  await dialog.getByRole('button', { name: 'Save backup…' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toHaveCount(0);

  await app.setNow(NOW + 60_000);
  await page.getByRole('button', { name: 'Actions for GitHub' }).click();
  await page.getByRole('menuitem', { name: 'Edit…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit account' });
  await edit.getByLabel('Issuer').fill('GitHub Enterprise');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(banner).toBeVisible();
});
