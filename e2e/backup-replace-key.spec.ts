import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { launchApp, type LaunchedApp } from './harness';

// "Replace key…" on a row: the new key's code is shown (and equals oathtool's) before anything is
// saved; the row keeps its place and name; "Restore previous key" brings the old key back.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const OLD = 'GEZDGNBVGY3TQOJQ';
const NEW = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Google', account: 'alice@gmail.com', secret: OLD },
  { issuer: 'Dropbox', account: 'alice', secret: 'KRSXG5CTMVRXEZLU' },
];

const oathtool = (secret: string): string =>
  execFileSync('oathtool', ['--totp', '-b', `--now=@${NOW / 1000}`, secret], { encoding: 'utf8' }).trim();

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

async function codeOf(issuer: string): Promise<string | undefined> {
  const accounts = await app.services.handlers['accounts:list']();
  const id = accounts.find((a) => a.issuer === issuer)?.id;
  const codes = await app.services.handlers['accounts:codes']();
  return codes.codes.find((c) => c.id === id)?.code;
}

test('replace key previews the new code, keeps the row, and can be restored', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const before = await app.services.handlers['accounts:list']();
  expect(await codeOf('Google')).toBe(oathtool(OLD));

  await page.getByRole('button', { name: 'Actions for Google' }).click();
  await expect(page.getByRole('menuitem', { name: 'Restore previous key' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Replace key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the key of Google' });
  const field = dialog.getByLabel('New secret key or otpauth:// link');
  await field.fill('not base32!');
  await expect(dialog.locator('.field-error')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Replace key' })).toBeDisabled();

  await field.fill(NEW.toLowerCase().replace(/(.{4})/g, '$1 '));
  const expected = oathtool(NEW);
  await expect(dialog.getByTestId('preview-code')).toHaveText(`${expected.slice(0, 3)} ${expected.slice(3)}`);
  expect(await codeOf('Google')).toBe(oathtool(OLD));
  await dialog.getByRole('button', { name: 'Replace key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Replaced the key of Google')).toBeVisible();

  const after = await app.services.handlers['accounts:list']();
  expect(after.map((a) => [a.id, a.issuer, a.account])).toEqual(
    before.map((a) => [a.id, a.issuer, a.account]),
  );
  expect(await codeOf('Google')).toBe(expected);
  await expect(page.getByRole('listitem', { name: /^Google, alice@gmail\.com/ })).toContainText(
    `${expected.slice(0, 3)} ${expected.slice(3)}`,
  );

  await page.getByRole('button', { name: 'Actions for Google' }).click();
  await page.getByRole('menuitem', { name: 'Restore previous key' }).click();
  await expect(page.getByText('Restored the previous key of Google')).toBeVisible();
  expect(await codeOf('Google')).toBe(oathtool(OLD));
  const old = oathtool(OLD);
  await expect(page.getByRole('listitem', { name: /^Google, alice@gmail\.com/ })).toContainText(
    `${old.slice(0, 3)} ${old.slice(3)}`,
  );
});

test('an otpauth:// link brings its own parameters; the row keeps its name', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  await page.getByRole('button', { name: 'Actions for Dropbox' }).click();
  await page.getByRole('menuitem', { name: 'Replace key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the key of Dropbox' });
  await dialog
    .getByLabel('New secret key or otpauth:// link')
    .fill(`otpauth://totp/Other:bob?secret=${NEW}&digits=8&issuer=Other`);
  const expected = execFileSync('oathtool', ['--totp', '-b', '-d', '8', `--now=@${NOW / 1000}`, NEW], {
    encoding: 'utf8',
  }).trim();
  await expect(dialog.getByTestId('preview-code')).toHaveText(`${expected.slice(0, 4)} ${expected.slice(4)}`);
  await dialog.getByRole('button', { name: 'Replace key' }).click();
  await expect(dialog).toBeHidden();
  const dropbox = (await app.services.handlers['accounts:list']()).at(2);
  expect([dropbox?.issuer, dropbox?.account, dropbox?.digits]).toEqual(['Dropbox', 'alice', 8]);
});
