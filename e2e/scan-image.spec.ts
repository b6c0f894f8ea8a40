import { expect as baseExpect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';
import { chooseImage, dropImage, oathtoolTotp, openScan, paste, qrPng } from './scan-helpers';

// The first decode compiles zxing's 950 kB .wasm in the worker (or main); on two shared, busy
// cores that alone can take seconds, so scan results get more time than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

// A QR code from an image file, a drop or a paste: confirmed with main's code, then saved.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/GitHub:alice%40example.com?secret=${SECRET}&issuer=GitHub`;
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const deliveries = {
  'file picker': (png: Buffer) => chooseImage(app.page, png),
  drop: (png: Buffer) => dropImage(app.page, png),
  paste: (png: Buffer) => paste(app.page, { png }),
};

for (const [how, deliver] of Object.entries(deliveries)) {
  test(`an image by ${how} → confirm shows oathtool's code → account added`, async () => {
    app = await launchApp({ nowMs: NOW });
    const { page } = app;
    await openScan(page);
    await deliver(await qrPng(URI));
    const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
    const entry = confirm.getByRole('listitem', { name: 'GitHub' });
    await expect(entry).toContainText('alice@example.com');
    await expect(entry).toContainText('TOTP · SHA1 · 6 digits · every 30 s');
    await expect(entry.getByTestId('scan-code')).toHaveText(grouped(oathtoolTotp(SECRET, NOW)));
    await confirm.getByRole('button', { name: 'Add account' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('listitem', { name: /^GitHub, alice@example\.com/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Added GitHub' })).toBeVisible();
    expect(await app.call('accounts:list')).toMatchObject({ ok: true, value: [{ issuer: 'GitHub' }] });
    // The worker and its .wasm load from the app's own files under the app's CSP.
    expect(app.errors).toEqual([]);
  });
}

test('pasted otpauth text is confirmed and added', async () => {
  app = await launchApp({ nowMs: NOW });
  await openScan(app.page);
  await paste(app.page, { text: URI });
  const confirm = app.page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByTestId('scan-code')).toHaveText(grouped(oathtoolTotp(SECRET, NOW)));
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(app.page.getByRole('listitem', { name: /^GitHub, alice@example\.com/ })).toBeVisible();
});

test("the confirm step's code follows the clock", async () => {
  app = await launchApp({ nowMs: NOW });
  await openScan(app.page);
  await chooseImage(app.page, await qrPng(URI));
  const code = app.page.getByRole('dialog', { name: 'Add scanned accounts' }).getByTestId('scan-code');
  await expect(code).toHaveText(grouped(oathtoolTotp(SECRET, NOW)));
  await app.advance(30_000);
  await expect(code).toHaveText(grouped(oathtoolTotp(SECRET, NOW + 30_000)));
});

test('a web-link QR says what it holds and adds nothing', async () => {
  app = await launchApp({ nowMs: NOW });
  const dialog = await openScan(app.page);
  await chooseImage(app.page, await qrPng('https://example.com/login'));
  await expect(dialog.getByRole('status')).toHaveText(
    'This QR code holds a link, not an authenticator key. Nothing was added.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
});

test('an image without a code, and an invalid key, are explained', async () => {
  app = await launchApp({ nowMs: NOW });
  const dialog = await openScan(app.page);
  await chooseImage(app.page, await qrPng('otpauth://totp/Bad?secret=not*base32'));
  await expect(dialog.getByRole('status')).toContainText('looks like a key but is not valid');
  // A blank PNG: the QR's quiet zone alone.
  const blank = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAEUlEQVR4nGP4z8DAwMDAAAAB/wH/AM0ItAAAAABJRU5ErkJggg==',
    'base64',
  );
  await chooseImage(app.page, blank);
  await expect(dialog.getByRole('status')).toHaveText(/No QR code was found|not an image/);
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
});

test('a duplicate is flagged: skip adds nothing, keep both adds a second', async () => {
  app = await launchApp({
    nowMs: NOW,
    accounts: [{ issuer: 'GitHub', account: 'alice@example.com', secret: SECRET }],
  });
  const { page } = app;
  await openScan(page);
  await chooseImage(page, await qrPng(URI));
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  const choice = confirm.getByLabel(/Already in Keyfob as GitHub/);
  await expect(choice).toHaveValue('skip');
  await expect(confirm.getByRole('button', { name: 'Done' })).toBeVisible();
  await choice.selectOption('keep-both');
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('listitem', { name: /^GitHub, alice@example\.com/ })).toHaveCount(2);
});
