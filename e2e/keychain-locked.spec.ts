import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';

// A locked keychain must never look like an empty or deleted vault: the accounts stay listed,
// a banner says why there are no codes, and Retry brings them back once it is unlocked.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Google', account: 'alice@gmail.com', secret: 'GEZDGNBVGY3TQOJQ' },
];

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('locking the keychain while running shows a banner; unlock + Retry brings the codes back', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  await expect(rows.first().getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);

  await app.lockKeychain();
  // The app re-checks when its window regains focus.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const banner = page.getByRole('alert').filter({ hasText: /keychain/i });
  await expect(banner).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAccessibleName('GitHub, alice@example.com, code unavailable');
  await expect(rows.nth(1).getByTestId('code')).toHaveText('unavailable');

  // Copying fails politely instead of copying anything.
  await rows.first().click();
  await expect(page.getByRole('status')).not.toContainText('Copied');
  expect(app.clipboard.writes).toEqual([]);

  await app.unlockKeychain();
  await banner.getByRole('button', { name: 'Retry' }).click();
  await expect(banner).toBeHidden();
  await expect(rows.first().getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
  await expect(rows.nth(1).getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
  expect((await app.services.handlers['accounts:list']()).map((a) => a.issuer)).toEqual(['GitHub', 'Google']);
});

test('starting with the keychain locked loses nothing', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  await app.lockKeychain();
  const page = await app.relaunch();
  const banner = page.getByRole('alert').filter({ hasText: /keychain|accounts could not be read/i });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toHaveCount(0);

  await app.unlockKeychain();
  // Right after an unlock gnome-keyring can briefly answer "No such interface" for an item (a
  // daemon race main reports as unavailable); a person would press Retry again, so does the test.
  await expect(async () => {
    await banner.getByRole('button', { name: 'Retry' }).click({ timeout: 1_000 });
    await expect(banner).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
});
