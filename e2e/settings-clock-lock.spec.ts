import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';

// The Settings dialog's Clock and Lock sections: the time server checked and saved by main, the
// corrected-time choice, and the app lock turned on, tuned and used from there.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const GITHUB = { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const PASSWORD = 'correct horse battery';

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const saved = () => app.services.handlers['settings:get']();

test('the time server is checked and written one way; corrected time and the default are a click away', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('heading', { name: 'Clock' })).toBeVisible();

  const server = dialog.getByLabel('Time server', { exact: true });
  await expect(server).toHaveValue('time.cloudflare.com');
  await server.fill('ntp://time.example');
  await server.press('Enter');
  await expect(dialog.getByText(/The time server must be a host name or IP address/)).toBeVisible();
  expect((await saved()).clockServer).toBe('time.cloudflare.com');

  await server.fill(' Time.Example:123 ');
  await server.press('Tab');
  await expect(server).toHaveValue('time.example');
  expect((await saved()).clockServer).toBe('time.example');
  await expect(dialog.getByText(/The time server must be/)).toHaveCount(0);

  await dialog.getByLabel(/^Use corrected time/).check();
  await expect.poll(async () => (await saved()).useCorrectedTime).toBe(true);
  await dialog.getByRole('button', { name: 'Use time.cloudflare.com' }).click();
  await expect(server).toHaveValue('time.cloudflare.com');
  await expect(dialog.getByRole('button', { name: 'Use time.cloudflare.com' })).toHaveCount(0);
});

test('a lock password set in Settings turns the lock on; its idle time is saved; Lock now shows the unlock form', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  const { page } = app;
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const lock = dialog.getByRole('region', { name: 'Lock' });
  await expect(lock.getByRole('button', { name: 'Turn on the lock' })).toBeDisabled();

  await lock.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await lock.getByLabel('New password again').fill('something else');
  await lock.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(lock.getByText('The two new passwords differ.')).toBeVisible();
  expect(await app.services.handlers['lock:status']()).toMatchObject({ enabled: false });

  await lock.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await lock.getByLabel('New password again').fill(PASSWORD);
  await lock.getByLabel('New password again').press('Enter');
  const after = lock.getByLabel('Lock after');
  await expect(after).toHaveValue('5');
  await after.selectOption('10');
  await expect.poll(async () => (await saved()).autoLockMinutes).toBe(10);

  await lock.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toBeVisible();
});
