import { expect as baseExpect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';
import { desktopWithQr, oathtoolTotp } from './scan-helpers';

// The tray (menu bar) and the global shortcut, driven through main's own desktop controller: the
// harness's tray keeps its menu as data and "clicks" items; its window is the page, shown and
// hidden as Electron would show and hide it. The real Tray and globalShortcut are in
// electron-only.spec.ts.
const expect = baseExpect.configure({ timeout: 15_000 });
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const GITHUB = { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const DROPBOX = { issuer: 'Dropbox', account: 'carol', secret: 'GEZDGNBVGY3TQOJQ' };

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

/** The tray menu's labels, disabled ones in brackets. */
const trayLabels = () =>
  app.desktop.tray.items.flatMap((i) => (i.kind === 'item' ? [i.enabled ? i.label : `(${i.label})`] : []));

test('an account pinned from its row menu is copied from the tray, and cleared like a copy in the window', async () => {
  app = await launchApp({
    nowMs: NOW,
    clock: 'flowing',
    accounts: [GITHUB, DROPBOX],
    settings: { clearClipboardSeconds: 1 },
    desktop: { platform: 'linux', trayHost: true },
  });
  const { page } = app;
  expect(trayLabels()[0]).toBe('(No pinned accounts: pin one from its ⋯ menu)');
  await page.getByRole('button', { name: 'Actions for Dropbox' }).click();
  await page.getByRole('menuitem', { name: 'Pin to tray' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pinned Dropbox to the tray' })).toBeVisible();
  await expect
    .poll(trayLabels)
    .toEqual([
      '(Copy code)',
      'Dropbox: carol',
      'Show Keyfob',
      'Scan QR code from screen…',
      'Settings…',
      'Quit',
    ]);

  await app.desktop.chooseTray('Dropbox: carol');
  const code = oathtoolTotp(DROPBOX.secret, app.now());
  expect(app.clipboard.writes).toContain(code);
  // The same keeper as the window's copies: wiped after the configured second.
  await expect.poll(() => app.clipboard.read(), { timeout: 5_000 }).toBe('');

  await page.getByRole('button', { name: 'Actions for Dropbox' }).click();
  await page.getByRole('menuitem', { name: 'Unpin from tray' }).click();
  await expect.poll(trayLabels).toContain('(No pinned accounts: pin one from its ⋯ menu)');
});

test('the tray opens Settings and a screen scan in the window; a failed copy says why there', async () => {
  const uri = `otpauth://totp/Fastmail:dave?secret=${GITHUB.secret}&issuer=Fastmail`;
  app = await launchApp({
    nowMs: NOW,
    accounts: [GITHUB],
    screenCapture: {
      permission: () => 'unknown',
      capture: async () => [
        {
          label: 'Built-in Display',
          frame: desktopWithQr(1280, 800, { text: uri, x: 600, y: 300, module: 5 }),
        },
      ],
    },
  });
  const { page } = app;
  await app.desktop.chooseTray('Settings…');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');

  await app.desktop.chooseTray('Scan QR code from screen…');
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('listitem', { name: 'Fastmail' })).toBeVisible();
  const code = oathtoolTotp(GITHUB.secret, NOW);
  await expect(confirm.getByTestId('scan-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('listitem', { name: /^Fastmail, dave/ })).toBeVisible();

  const [github] = await app.services.handlers['accounts:list']();
  await app.services.handlers['settings:pin'](github?.id ?? '', true);
  await expect.poll(trayLabels).toContain('GitHub: alice');
  await app.lockKeychain();
  await app.desktop.chooseTray('GitHub: alice');
  await expect(page.getByRole('status').filter({ hasText: /keychain/i })).toBeVisible();
});

test('the global shortcut shows the hidden window with the search field focused, and hides it again', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB, DROPBOX] });
  const { page } = app;
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2);
  app.desktop.window.hide();
  await app.desktop.window.settled();
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');

  await app.desktop.pressShortcut();
  expect(app.desktop.window.state.visible).toBe(true);
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  await page.keyboard.type('drop');
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(1);

  await app.desktop.pressShortcut();
  expect(app.desktop.window.state.visible).toBe(false);
});

test('a hidden window fetches no codes and ticks no countdown; shown again, it catches up at once', async () => {
  app = await launchApp({ nowMs: NOW, clock: 'flowing', accounts: [GITHUB] });
  const { page } = app;
  const row = page.getByRole('listitem', { name: /^GitHub/ });
  await expect(row.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
  const fetched: number[] = [];
  const original = app.services.handlers['accounts:codes'];
  app.services.handlers['accounts:codes'] = (...ids) => {
    fetched.push(app.now());
    return original(...ids);
  };
  const progress = row.getByRole('progressbar', { name: 'Time left' });
  app.desktop.window.hide();
  await app.desktop.window.settled();
  const before = await progress.getAttribute('aria-valuenow');

  // Two code periods go by while hidden: no fetch, and the seconds stay where they were.
  await app.advance(61_000);
  expect(fetched).toEqual([]);
  expect(await progress.getAttribute('aria-valuenow')).toBe(before);

  await app.desktop.controller.choose('show');
  await expect.poll(() => fetched.length).toBeGreaterThan(0);
  // Checked against the clock at each look, so a period or second ending meanwhile cannot fail it.
  await expect
    .poll(async () => {
      const code = oathtoolTotp(GITHUB.secret, app.now());
      return (await row.getByTestId('code').textContent()) === `${code.slice(0, 3)} ${code.slice(3)}`;
    })
    .toBe(true);
  await expect
    .poll(async () => {
      const left = 30 - Math.floor((app.now() / 1000) % 30);
      return Math.abs(Number(await progress.getAttribute('aria-valuenow')) - left) <= 1;
    })
    .toBe(true);
});
