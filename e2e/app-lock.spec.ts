import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';

// The optional app lock: its verifier in the (private, real) keyring, main refusing codes and keys
// while locked, the window showing only the unlock form, and auto-lock by an injected idle clock.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 10, 500);
const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Google', account: 'alice@gmail.com', secret: 'GEZDGNBVGY3TQOJQ' },
];
const PASSWORD = 'correct horse battery';

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

/** Launches with the accounts and a lock password set (the app open, as right after setting it). */
async function launchWithLock(clock: 'fixed' | 'flowing' = 'fixed'): Promise<LaunchedApp> {
  const launched = await launchApp({ nowMs: NOW, clock, accounts: ACCOUNTS });
  await launched.services.handlers['lock:set-password'](null, PASSWORD);
  return launched;
}

test('while locked main refuses codes, copy, QR, transfer and export; a wrong password waits; the right one opens', async () => {
  app = await launchWithLock();
  const { page } = app;
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  const id = (await app.services.handlers['accounts:list']())[0]?.id ?? '';

  app.services.lockNow();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('code')).toHaveCount(0);
  for (const [channel, args] of [
    ['accounts:codes', []],
    ['accounts:list', []],
    ['clipboard:copy-code', [id]],
    ['accounts:show-qr', [id]],
    ['backup:transfer-codes', [[id]]],
    ['backup:export', ['otpauth', null]],
  ] as const) {
    const reply = await page.evaluate(
      ([c, a]) =>
        (globalThis as unknown as { keyfob: Record<string, (...x: unknown[]) => Promise<unknown>> }).keyfob[
          c
        ]?.(...a),
      [channel, args] as [string, readonly unknown[]],
    );
    expect(reply, channel).toMatchObject({ ok: false, error: { code: 'app-locked' } });
  }
  expect(app.clipboard.writes).toEqual([]);
  expect(app.dialogs.shown).toEqual([]);

  // Keyboard only: the password field has focus; Enter submits.
  const password = page.getByLabel('Password');
  await expect(password).toBeFocused();
  await page.keyboard.type('not it');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Wrong password. Try again in 1 s.')).toBeVisible();
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('');
  await expect(page.getByRole('button', { name: /Try again in \d s/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled({ timeout: 3_000 }); // empty field
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
  expect(await app.call('accounts:codes')).toMatchObject({ ok: true });
});

test('starts locked after a restart when a password is set', async () => {
  app = await launchWithLock();
  const page = await app.relaunch();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
});

test('locks when the computer sleeps', async () => {
  app = await launchWithLock();
  await expect(app.page.getByRole('list', { name: 'Accounts' })).toBeVisible();
  app.power.emit('suspend');
  await expect(app.page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
});

test('locks by itself after 5 idle minutes, not while the window is being used', async () => {
  app = await launchWithLock('flowing');
  const { page } = app;
  const list = page.getByRole('list', { name: 'Accounts' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  app.power.setIdleSeconds(24 * 3600); // the system saw no input at all (or cannot tell)

  await app.advance(200_000);
  await page.getByRole('listitem', { name: /^GitHub/ }).press('ArrowDown'); // Keyfob is used
  await app.advance(200_000); // 400 s since the start, 200 s since the window was used
  expect(await app.call('accounts:codes')).toMatchObject({ ok: true });
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toHaveCount(0);

  await app.advance(200_000); // 400 s without input anywhere
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await expect(list).toHaveCount(0);
});

test('while locked the tray names no account; a link waits for the unlock, then opens the confirm step', async () => {
  app = await launchWithLock();
  const { page } = app;
  const github = (await app.services.handlers['accounts:list']())[0]?.id ?? '';
  await app.services.handlers['settings:pin'](github, true);
  const trayLabels = () => app.desktop.tray.items.flatMap((i) => (i.kind === 'item' ? [i.label] : []));
  await expect.poll(trayLabels).toContain('GitHub: alice');

  app.services.lockNow();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await expect.poll(trayLabels).not.toContain('GitHub: alice');
  expect(trayLabels()[0]).toBe('Keyfob is locked: show it to unlock');

  const link = `otpauth://totp/Fastmail:dave?secret=${ACCOUNTS[0]?.secret ?? ''}&issuer=Fastmail`;
  const opening = app.desktop.secondInstance(['/opt/Keyfob/keyfob-desktop', '--', link]);
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(page.getByLabel('Password')).toBeFocused();
  await expect(confirm).toHaveCount(0);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await opening;
  await expect(confirm.getByRole('listitem', { name: 'Fastmail' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('listitem', { name: /^Fastmail, dave/ })).toBeVisible();
  await expect.poll(trayLabels).toContain('GitHub: alice');
});
