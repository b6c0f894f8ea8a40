import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { oathtoolTotp } from './scan-helpers';

// The Settings dialog: reached by Ctrl+, and the header's button, usable with the keyboard alone,
// every change checked and saved by main and applied to the desktop side (the harness's recording
// tray, shortcuts, login items and window), and what this desktop cannot do said beside it.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const GITHUB = { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' };

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const saved = () => app.services.handlers['settings:get']();

/** The accessible name of what has focus (a control's label, else its text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });

test('keyboard only: Ctrl+, opens it, Tab visits every control in order, changes are saved as made', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB], desktop: { platform: 'win32' } });
  const { page } = app;
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();

  const order = [];
  for (let i = 0; i < 14; i++) {
    order.push(await focusedName(page));
    await page.keyboard.press('Tab');
  }
  expect(order).toEqual([
    'Clear a copied code after (seconds)',
    'Closing the window keeps Keyfob in the tray',
    'Start Keyfob when I log in',
    'Start with the window hidden in the tray',
    'Show or hide Keyfob from any app',
    'Default',
    'Remove',
    'Hide Keyfob from screenshots and screen sharing',
    'Blur codes until I point at them or move to them',
    'Time server',
    'Use corrected time: compute codes at the time server’s time',
    'New password',
    'New password again',
    'Done',
  ]);

  await dialog.getByLabel('Clear a copied code after (seconds)').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('700');
  await page.keyboard.press('Enter');
  await expect(
    dialog.getByText('Enter a whole number of seconds from 0 (never clear) to 600.'),
  ).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('45');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await saved()).clearClipboardSeconds).toBe(45);

  await page.keyboard.press('Space'); // close to tray: on by default, now off
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // start at login
  await expect.poll(async () => (await saved()).closeToTray).toBe(false);
  await expect.poll(() => app.desktop.loginItem.enabled).toBe(true);
  expect(app.desktop.controller.closeAction()).toBe('close');

  await dialog.getByLabel('Hide Keyfob from screenshots and screen sharing').press('Space');
  await expect.poll(() => app.desktop.window.state.contentProtection).toBe(false);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The header's button opens it too.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByLabel('Clear a copied code after (seconds)')).toHaveValue('45');
});

test('blurred codes show on hover or focus, and screen readers still read them', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page
    .getByRole('dialog', { name: 'Settings' })
    .getByLabel('Blur codes until I point at them or move to them')
    .check();
  await expect.poll(async () => (await saved()).blurCodes).toBe(true);
  await page.keyboard.press('Escape');

  const row = page.getByRole('listitem', { name: /^GitHub/ });
  const filter = () => row.getByTestId('code').evaluate((el) => getComputedStyle(el).filter);
  await page.mouse.move(0, 0);
  await expect.poll(filter).toMatch(/blur/);
  await row.focus();
  await expect.poll(filter).toBe('none');
  const code = oathtoolTotp(GITHUB.secret, NOW);
  await expect(row).toHaveAccessibleName(new RegExp(`${code.slice(0, 3)} ${code.slice(3)}`));
  await page.getByRole('searchbox', { name: 'Search accounts' }).focus();
  await expect.poll(filter).toMatch(/blur/);
  await row.hover();
  await expect.poll(filter).toBe('none');
});

test('the shortcut is set by pressing it, checked, registered; a taken one is reported plainly', async () => {
  app = await launchApp({
    nowMs: NOW,
    desktop: { platform: 'linux', trayHost: true, takenShortcuts: ['CommandOrControl+Alt+K'] },
  });
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const field = dialog.getByLabel('Show or hide Keyfob from any app');
  await expect(field).toHaveValue('Ctrl+Alt+K');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Ctrl+Alt+K could not be registered: another program probably uses it. Choose another shortcut.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.focus();
  await page.keyboard.press('k');
  await expect(dialog.getByRole('alert')).toContainText('A shortcut needs Ctrl, Alt, Cmd or Super');
  await page.keyboard.press('Control+Shift+L');
  await expect(field).toHaveValue('Ctrl+Shift+L');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => app.desktop.shortcuts.registered).toEqual(['Ctrl+Shift+L']);
  expect((await saved()).shortcut).toBe('Ctrl+Shift+L');

  await page.keyboard.press('Backspace');
  await expect(field).toHaveValue('None');
  await expect.poll(() => app.desktop.shortcuts.registered).toEqual([]);
  // Tab still leaves the field.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Default' })).toBeFocused();
});

test('Linux without a tray: closing quits and says why; the user can say the icon shows; no screen-share protection', async () => {
  app = await launchApp({ nowMs: NOW, desktop: { platform: 'linux', trayHost: false } });
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const close = dialog.getByLabel('Closing the window keeps Keyfob in the tray');
  await expect(close).toBeDisabled();
  await expect(close).toHaveAccessibleDescription(
    /No system tray was found on this desktop, so closing the window quits Keyfob/,
  );
  expect(app.desktop.controller.closeAction()).toBe('close');
  const protection = dialog.getByLabel('Hide Keyfob from screenshots and screen sharing');
  await expect(protection).toBeDisabled();
  await expect(protection).toHaveAccessibleDescription(/Linux desktops offer apps no way/);

  await dialog.getByLabel("My panel shows Keyfob's icon").check();
  await expect(close).toBeEnabled();
  await expect(close).toBeChecked();
  expect(app.desktop.controller.closeAction()).toBe('hide');
});

test('a damaged settings file: defaults, a notice in the window, kept aside once the defaults are kept', async () => {
  app = await launchApp({ nowMs: NOW, accounts: [GITHUB] });
  await writeFile(join(app.home, 'settings.json'), '{ "clearClipboardSeconds": ');
  const page = await app.relaunch();
  const notice = page.getByRole('region', { name: 'Settings notice' });
  await expect(notice).toContainText('The settings file is damaged, so Keyfob uses its default settings.');
  await expect(page.getByRole('listitem', { name: /^GitHub/ })).toBeVisible();
  await notice.getByRole('button', { name: 'Keep these' }).click();
  await expect(notice).toBeHidden();
  expect(existsSync(join(app.home, 'settings.damaged.json'))).toBe(true);
  expect(await app.services.handlers['settings:status']()).toMatchObject({ notice: null });
});

test('the dialog follows the dark theme', async () => {
  app = await launchApp({ nowMs: NOW, colorScheme: 'dark' });
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toHaveCSS('background-color', 'rgb(23, 27, 32)');
  await expect(dialog.getByRole('heading', { name: 'Privacy' })).toHaveCSS('color', 'rgb(155, 164, 174)');
});
