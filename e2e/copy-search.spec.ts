import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { launchApp, type LaunchedApp } from './harness';

// Copying goes through main's clipboard adapter (the page never writes the clipboard), and the
// search box filters by issuer and account, ignoring case and accents.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);

const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Société Générale', account: 'alice.martin', secret: 'GEZDGNBVGY3TQOJQ', digits: '8' },
  { issuer: 'Google', account: 'Zoë@gmail.com', secret: 'KRSXG5CTMVRXEZLU' },
  { issuer: 'Steam', account: 'alice_plays', secret: 'ONSWG4TFORZWK4TF', type: 'steam' as const },
];

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('clicking a row copies its code through main and a toast confirms', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, settings: { clearClipboardSeconds: 30 } });
  const { page } = app;
  const expected = execFileSync(
    'oathtool',
    ['--totp', '-b', `--now=@${NOW / 1000}`, '-d', '8', 'GEZDGNBVGY3TQOJQ'],
    {
      encoding: 'utf8',
    },
  ).trim();
  const row = page.getByRole('listitem', { name: /^Société Générale/ });
  await expect(row.getByTestId('code')).toHaveText(`${expected.slice(0, 4)} ${expected.slice(4)}`);
  await row.click();
  await expect(page.getByRole('status')).toContainText('Copied Société Générale code — clears in 30 s');
  expect(app.clipboard.read()).toBe(expected);
  // The renderer has no clipboard access of its own: only main's adapter saw the write.
  expect(app.clipboard.writes).toEqual([expected]);

  const steam = page.getByRole('listitem', { name: /^Steam/ });
  await expect(steam.getByTestId('code')).toHaveText(/^[2-9BCDFGHJKMNPQRTVWXY]{5}$/);
  await steam.getByTestId('code').click();
  await expect.poll(() => app.clipboard.read()).toBe(await steam.getByTestId('code').textContent());
});

test('search is case- and accent-insensitive, keyboard-driven, and Esc clears it', async () => {
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS });
  const { page } = app;
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  await expect(rows).toHaveCount(4);

  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await expect(search).toBeFocused();
  await page.keyboard.type('SOCIETE');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(/^Société Générale, alice\.martin/);

  await search.fill('zoe');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(/^Google, Zoë@gmail\.com/);

  await search.fill('générale alice');
  await expect(rows).toHaveCount(1);
  await search.fill('ALICE');
  await expect(rows).toHaveCount(3);
  await search.fill('nothing like this');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No accounts match “nothing like this”.')).toBeVisible();

  await search.fill('g');
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(4);

  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await page.keyboard.type('STEAM');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(4);
});

test('`/` on a focused row moves to the search field without typing the slash', async () => {
  app = await launchApp({
    nowMs: NOW,
    accounts: [...ACCOUNTS, { issuer: 'Valve', account: 'gabe', secret: 'MFRGGZDFMZTWQ2LK' }],
  });
  const { page } = app;
  const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
  await rows.first().focus();
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('valve');
  await expect(search).toHaveValue('valve');
  await expect(rows).toHaveCount(1);
  // Typing any other character on a row still starts a search with it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await rows.first().focus();
  await page.keyboard.type('g');
  await expect(search).toHaveValue('g');
});
