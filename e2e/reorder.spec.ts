import { expect, test } from '@playwright/test';
import { launchApp, type LaunchedApp } from './harness';

// Reordering by keyboard (Alt+↑/↓) and by drag; the order is persisted by main and survives a relaunch.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const ACCOUNTS = [
  ['GitHub', 'JBSWY3DPEHPK3PXP'],
  ['Google', 'GEZDGNBVGY3TQOJQ'],
  ['Dropbox', 'KRSXG5CTMVRXEZLU'],
  ['Proton', 'ONSWG4TFORZWK4TF'],
].map(([issuer = '', secret = '']) => ({ issuer, account: 'alice', secret }));

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const shownOrder = () =>
  app.page.getByRole('list', { name: 'Accounts' }).locator('.issuer').allTextContents();
const savedOrder = async () => (await app.services.handlers['accounts:list']()).map((a) => a.issuer);

test('Alt+arrows move the focused row and the order survives a relaunch', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const dropbox = page.getByRole('listitem', { name: /^Dropbox/ });
  await dropbox.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(shownOrder).toEqual(['Dropbox', 'GitHub', 'Google', 'Proton']);
  await expect(dropbox).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp'); // already first: nothing happens
  await page.getByRole('listitem', { name: /^GitHub/ }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(savedOrder).toEqual(['Dropbox', 'Google', 'GitHub', 'Proton']);

  await app.relaunch();
  await expect.poll(shownOrder).toEqual(['Dropbox', 'Google', 'GitHub', 'Proton']);
});

test('moving with a search active jumps over hidden rows; the menu offers Move up/down', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('o'); // Google, Dropbox, Proton
  await page.getByRole('button', { name: 'Actions for Proton' }).click();
  await page.getByRole('menuitem', { name: 'Move up' }).click();
  await expect.poll(savedOrder).toEqual(['GitHub', 'Google', 'Proton', 'Dropbox']);
  await page.getByRole('button', { name: 'Actions for Google' }).click();
  await expect(page.getByRole('menuitem', { name: 'Move up' })).toHaveAttribute('aria-disabled', 'true');
});

test('dragging a row onto another reorders and persists', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const proton = page.getByRole('listitem', { name: /^Proton/ });
  const github = page.getByRole('listitem', { name: /^GitHub/ });
  await proton.dragTo(github, { targetPosition: { x: 60, y: 8 } });
  await expect.poll(savedOrder).toEqual(['Proton', 'GitHub', 'Google', 'Dropbox']);
  await expect.poll(shownOrder).toEqual(['Proton', 'GitHub', 'Google', 'Dropbox']);
});
