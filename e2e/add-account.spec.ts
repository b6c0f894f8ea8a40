import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { launchApp, type LaunchedApp } from './harness';

// Adding an account by hand, the way a person does it: the code Keyfob shows must be the one
// oathtool computes for the same secret at the same (fixed) instant.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const SECRET = 'JBSWY3DPEHPK3PXP';

function oathtoolTotp(secret: string, atMs: number): string {
  return execFileSync('oathtool', ['--totp', '-b', `--now=@${Math.floor(atMs / 1000)}`, secret], {
    encoding: 'utf8',
  }).trim();
}

const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

async function openManualEntry(page: Page) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('menuitem', { name: /Enter key manually/ }).click();
  return page.getByRole('dialog', { name: 'Add account' });
}

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('manual entry previews and then lists the code oathtool computes', async () => {
  app = await launchApp({ nowMs: NOW });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  const expected = oathtoolTotp(SECRET, NOW);

  const dialog = await openManualEntry(page);
  await dialog.getByLabel('Issuer').fill('GitHub');
  await dialog.getByLabel('Account').fill('alice@example.com');
  // Spaces and lower case, as sites often show the key.
  await dialog.getByLabel('Secret key').fill('jbsw y3dp ehpk 3pxp');
  await expect(dialog.getByTestId('preview-code')).toHaveText(grouped(expected));
  await dialog.getByRole('button', { name: 'Add account' }).click();

  await expect(dialog).toBeHidden();
  const row = page.getByRole('listitem', { name: /^GitHub, alice@example\.com/ });
  await expect(row.getByTestId('code')).toHaveText(grouped(expected));
  await expect(row).toHaveAccessibleName(`GitHub, alice@example.com, code ${grouped(expected)}`);
  await expect(row.getByRole('progressbar', { name: 'Time left' })).toHaveAttribute(
    'aria-valuetext',
    '9 seconds left',
  );
  await expect(page.getByRole('status')).toContainText('Added GitHub');
  expect(await app.call('accounts:list')).toMatchObject({ ok: true, value: [{ issuer: 'GitHub' }] });
});

test('field messages appear as you type and block saving', async () => {
  app = await launchApp({ nowMs: NOW });
  const dialog = await openManualEntry(app.page);
  await dialog.getByLabel('Issuer').fill('GitHub');
  await dialog.getByLabel('Account').fill('alice');
  const secret = dialog.getByLabel('Secret key');
  await secret.fill('JBSWY3DP1');
  await expect(secret).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await secret.getAttribute('aria-describedby')) ?? '';
  const message = app.page.locator(`[id="${describedBy.split(' ')[0]}"]`);
  await expect(message).toContainText('1');
  await expect(dialog.getByTestId('preview-code')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeVisible();
  await expect(secret).toBeFocused();
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });

  await secret.fill(SECRET);
  await expect(secret).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('preview-code')).toHaveText(grouped(oathtoolTotp(SECRET, NOW)));
});

test('a duplicate is flagged and only added on "Add anyway"', async () => {
  app = await launchApp({
    nowMs: NOW,
    accounts: [{ issuer: 'GitHub', account: 'alice@example.com', secret: SECRET }],
  });
  const { page } = app;
  const dialog = await openManualEntry(page);
  await dialog.getByLabel('Issuer').fill('GitHub');
  await dialog.getByLabel('Account').fill('alice@example.com');
  await dialog.getByLabel('Secret key').fill(SECRET);
  const warning = dialog.getByRole('alert').filter({ hasText: 'already uses this secret key' });
  await expect(warning).toBeVisible();

  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(warning.getByRole('button', { name: 'Add anyway' })).toBeFocused();
  expect((await app.services.handlers['accounts:list']()).length).toBe(1);

  await warning.getByRole('button', { name: 'Add anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem', { name: /^GitHub,/ })).toHaveCount(2);
});

test('add and copy with the keyboard only', async () => {
  app = await launchApp({ nowMs: NOW, settings: { clearClipboardSeconds: 30 } });
  const { page } = app;
  const add = page.getByRole('button', { name: 'Add account' });
  for (let i = 0; i < 6 && !(await add.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: /Enter key manually/ })).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await expect(dialog.getByLabel('Issuer')).toBeFocused();
  await page.keyboard.type('Proton');
  await page.keyboard.press('Tab');
  await page.keyboard.type('alice@proton.me');
  await page.keyboard.press('Tab');
  await page.keyboard.type('JBSW-Y3DP-EHPK-3PXP');
  await expect(dialog.getByTestId('preview-code')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const row = page.getByRole('listitem', { name: /^Proton,/ });
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  const expected = oathtoolTotp(SECRET, NOW);
  await expect(page.getByRole('status')).toContainText('Copied Proton code — clears in 30 s');
  expect(app.clipboard.read()).toBe(expected);

  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Actions for Proton' })).toBeFocused();
  expect(app.errors).toEqual([]);
});
