import { expect as baseExpect, test } from '@playwright/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './harness';
import { desktopWithQr, oathtoolTotp } from './scan-helpers';

// Locking at once (Ctrl/Cmd+L, the header's padlock, the tray's Lock Keyfob), and the tray's and
// the shortcut's commands given while locked: the window shows the unlock form, and carries them out
// right after the unlock. The lock's verifier is in the (private, real) keyring.
const expect = baseExpect.configure({ timeout: 15_000 });
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const GITHUB = { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const DROPBOX = { issuer: 'Dropbox', account: 'carol', secret: 'GEZDGNBVGY3TQOJQ' };
const PASSWORD = 'correct horse battery';

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

/** Launches with two accounts and a lock password set (the app open, as right after setting it). */
async function launchWithLock(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const launched = await launchApp({ nowMs: NOW, accounts: [GITHUB, DROPBOX], ...options });
  await launched.services.handlers['lock:set-password'](null, PASSWORD);
  return launched;
}

/** The tray menu's labels. */
const trayLabels = () => app.desktop.tray.items.flatMap((i) => (i.kind === 'item' ? [i.label] : []));

/** Types the password into the unlock form, which has focus, and submits it. */
async function unlock(): Promise<void> {
  const password = app.page.getByLabel('Password');
  await expect(password).toBeFocused();
  await password.fill(PASSWORD);
  await password.press('Enter');
}

test('Ctrl+L locks at once: codes hidden, the copied code wiped, main refusing; unlocking shows them again', async () => {
  app = await launchWithLock({ settings: { clearClipboardSeconds: 0 } });
  const { page } = app;
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  const github = page.getByRole('listitem', { name: /^GitHub/ });
  const code = oathtoolTotp(GITHUB.secret, NOW);
  await expect(github.getByTestId('code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await github.click();
  await expect.poll(() => app.clipboard.read()).toBe(code);

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('code')).toHaveCount(0);
  // Clearing is set to never, yet the lock takes Keyfob's code off the clipboard.
  await expect.poll(() => app.clipboard.read()).toBe('');
  expect(await app.call('accounts:codes')).toMatchObject({ ok: false, error: { code: 'app-locked' } });

  await unlock();
  await expect(github.getByTestId('code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  // The same again from a dialog, and with the header's padlock.
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await unlock();
  await page.getByRole('button', { name: 'Lock Keyfob' }).click();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
});

test('without a lock password there is no padlock and Ctrl+L locks nothing', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  const { page } = app;
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock Keyfob' })).toHaveCount(0);
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('listitem', { name: /^GitHub/ }).getByTestId('code')).toBeVisible();
  expect(app.services.isLocked()).toBe(false);
  expect(trayLabels()).not.toContain('Lock Keyfob');
});

test('the tray’s Lock Keyfob locks the window; it is offered again once unlocked', async () => {
  app = await launchWithLock();
  const { page } = app;
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
  await expect.poll(trayLabels).toContain('Lock Keyfob');
  await app.desktop.chooseTray('Lock Keyfob');
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  await expect(page.getByTestId('code')).toHaveCount(0);
  await expect.poll(trayLabels).not.toContain('Lock Keyfob');
  await unlock();
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
  await expect.poll(trayLabels).toContain('Lock Keyfob');
});

test('the tray’s Settings… and the shortcut while locked: Settings opens right after the unlock', async () => {
  app = await launchWithLock();
  const { page } = app;
  app.services.lockNow();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  app.desktop.window.hide();
  await app.desktop.window.settled();

  await app.desktop.chooseTray('Settings…');
  expect(app.desktop.window.state.visible).toBe(true);
  await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);
  await unlock();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The global shortcut's search field, asked for while locked, has focus once the list is back.
  await app.desktop.chooseTray('Lock Keyfob');
  app.desktop.window.hide();
  await app.desktop.pressShortcut();
  await unlock();
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
});

test('the tray’s screen scan while locked captures nothing until the unlock, then shows what it found', async () => {
  const uri = `otpauth://totp/Fastmail:dave?secret=${GITHUB.secret}&issuer=Fastmail`;
  let captures = 0;
  app = await launchWithLock({
    screenCapture: {
      permission: () => 'unknown',
      capture: async () => {
        captures++;
        return [
          {
            label: 'Built-in Display',
            frame: desktopWithQr(1280, 800, { text: uri, x: 600, y: 300, module: 5 }),
          },
        ];
      },
    },
  });
  const { page } = app;
  app.services.lockNow();
  await app.desktop.chooseTray('Scan QR code from screen…');
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  expect(captures).toBe(0);

  await unlock();
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('listitem', { name: 'Fastmail' })).toBeVisible();
  expect(captures).toBe(1);
});
