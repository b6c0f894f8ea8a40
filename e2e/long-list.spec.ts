import { expect, test } from '@playwright/test';
import { base32Encode } from '../electron/core';
import { launchApp, type LaunchedApp } from './harness';

// A long list is windowed: only the rows on screen are in the DOM, yet screen readers learn the
// total (aria-setsize/-posinset), the keyboard reaches every row, and the focused row survives
// being scrolled out of view.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const COUNT = 60;
const ACCOUNTS = Array.from({ length: COUNT }, (_, i) => ({
  issuer: `Service ${String(i + 1).padStart(2, '0')}`,
  account: 'alice',
  secret: base32Encode(Uint8Array.from({ length: 10 }, (_, k) => (i * 13 + k * 5 + 1) & 0xff)),
}));

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

const rows = () => app.page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');

test('renders a screenful of rows that announce their place among all of them', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, viewport: { width: 480, height: 720 } });
  const first = app.page.getByRole('listitem', { name: /^Service 01, alice, code \d{3} \d{3}$/ });
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first).toHaveAttribute('aria-setsize', String(COUNT));
  const rendered = await rows().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(30);

  // Filtering renumbers: "5" matches Service 05, 15, 25, 35, 45 and 50…59, numbered 1…15 of 15.
  await app.page.getByRole('searchbox', { name: 'Search accounts' }).fill('5');
  await expect(rows().first()).toHaveAccessibleName(/^Service 05,/);
  await expect(rows().first()).toHaveAttribute('aria-posinset', '1');
  await expect(rows().first()).toHaveAttribute('aria-setsize', '15');
  await expect(app.page.getByRole('listitem', { name: /^Service 51,/ })).toHaveAttribute(
    'aria-posinset',
    '7',
  );
  await app.page.keyboard.press('Escape');
  await expect(rows().first()).toHaveAttribute('aria-setsize', String(COUNT));
});

test('End, Home and arrows reach rows that were not rendered, scrolling them into view', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, viewport: { width: 480, height: 720 } });
  const { page } = app;
  await page.getByRole('listitem', { name: /^Service 01,/ }).focus();
  await page.keyboard.press('End');
  const last = page.getByRole('listitem', { name: /^Service 60,/ });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('listitem', { name: /^Service 59,/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('listitem', { name: /^Service 01,/ })).toBeFocused();
  await expect(page.getByRole('listitem', { name: /^Service 60,/ })).toHaveCount(0);
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  const twentyFirst = page.getByRole('listitem', { name: /^Service 21,/ });
  await expect(twentyFirst).toBeFocused();
  await expect(twentyFirst).toBeInViewport();
});

test('the focused row stays focused when scrolled far away, and Enter still copies it', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, viewport: { width: 480, height: 720 } });
  const { page } = app;
  const second = page.getByRole('listitem', { name: /^Service 02,/ });
  await second.focus();
  await page.locator('main.content').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByRole('listitem', { name: /^Service 60,/ })).toBeInViewport();
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.clipboard.writes.length).toBe(1);
  const code = (await second.getByTestId('code').textContent())?.replace(' ', '');
  expect(app.clipboard.read()).toBe(code);
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(async () => (await app.services.handlers['accounts:list']())[2]?.issuer)
    .toBe('Service 02');
  await expect(second).toBeFocused();
  await expect(second).toBeInViewport();
});
