import { expect as baseExpect, test } from '@playwright/test';
import { parseKeyUri } from '../electron/core';
import { formatMigrationUris } from '../electron/formats/google-migration/writer';
import { launchApp, type LaunchedApp } from './harness';
import { oathtoolTotp } from './scan-helpers';
import { defined } from '../test-support/defined';

// otpauth:// and otpauth-migration:// links opened from outside: they reach main on a command line
// (the first start's or a second instance's, after `--`) and go through main's own entry into the
// same confirm step as a scanned QR code. macOS's open-url event is in electron-only.spec.ts.
const expect = baseExpect.configure({ timeout: 15_000 });
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const SECRET = 'JBSWY3DPEHPK3PXP';
const link = (issuer: string, account: string) =>
  `otpauth://totp/${issuer}:${account}?secret=${SECRET}&issuer=${issuer}`;
const argv = (...links: string[]) => ['/opt/Keyfob/keyfob-desktop', '--', ...links];

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('a link that starts Keyfob opens the confirm step with its code; nothing is saved until confirmed', async () => {
  app = await launchApp({ nowMs: NOW, argv: argv(link('Fastmail', 'dave')) });
  const { page } = app;
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('listitem', { name: 'Fastmail' })).toBeVisible();
  const code = oathtoolTotp(SECRET, NOW);
  await expect(confirm.getByTestId('scan-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  expect(await app.services.handlers['accounts:list']()).toEqual([]);
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('listitem', { name: /^Fastmail, dave/ })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);
});

test('a link opened while Keyfob runs (hidden in the tray) shows the window and its duplicate check', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [{ issuer: 'GitHub', account: 'alice', secret: SECRET }] });
  const { page } = app;
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toBeVisible();
  app.desktop.window.hide();
  await app.desktop.window.settled();

  await app.desktop.secondInstance(argv(link('GitHub', 'alice')));
  expect(app.desktop.window.state.visible).toBe(true);
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByLabel('Already in Keyfob as GitHub')).toHaveValue('skip');
  await confirm.getByRole('button', { name: 'Done' }).click();
  await expect(confirm).toBeHidden();
  expect(await app.services.handlers['accounts:list']()).toHaveLength(1);
});

test('a malformed link gets the scan path’s message; a second link replaces it', async () => {
  app = await launchApp({ nowMs: NOW });
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  await app.desktop.secondInstance(argv('otpauth://totp/Broken:me?issuer=Broken'));
  const dialog = page.getByRole('dialog', { name: 'Scan QR code' });
  await expect(dialog.getByRole('status')).toContainText(/secret/i);
  await expect(dialog.getByRole('status')).toContainText('Nothing was added.');

  await app.desktop.secondInstance(argv(link('Proton', 'erin')));
  await expect(
    page.getByRole('dialog', { name: 'Add scanned accounts' }).getByRole('listitem', { name: 'Proton' }),
  ).toBeVisible();
});

test('a Google transfer arriving as separate links is collected as its scanned codes are', async () => {
  const tokens = Array.from({ length: 14 }, (_, i) =>
    parseKeyUri(
      `otpauth://totp/Site%20${i + 1}:user?secret=${SECRET}${'A'.repeat(i % 8)}&issuer=Site%20${i + 1}`,
    ),
  );
  const uris = formatMigrationUris(tokens, 4242);
  expect(uris).toHaveLength(2);
  app = await launchApp({ nowMs: NOW });
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  await app.desktop.secondInstance(argv(defined(uris[1])));
  const dialog = page.getByRole('dialog', { name: 'Scan QR code' });
  await expect(dialog.getByRole('status')).toHaveText('1 of 2 scanned — show code 1.');
  await app.desktop.secondInstance(argv(defined(uris[0])));
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('list', { name: 'Scanned accounts' }).getByRole('listitem')).toHaveCount(14);
  await confirm.getByRole('button', { name: 'Add 14 accounts' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('listitem', { name: /^Site 1, user/ })).toBeAttached();
  expect(await app.services.handlers['accounts:list']()).toHaveLength(14);
});

test('nothing before `--` is taken, and other schemes are ignored', async () => {
  app = await launchApp({ nowMs: NOW });
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  await app.desktop.secondInstance([
    'keyfob-desktop',
    link('Evil', 'x'),
    '--',
    'https://example.com/',
    '--inspect',
  ]);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(app.desktop.window.state.shows).toBe(0);
});
