import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { launchApp, type LaunchedApp } from './harness';

// The countdown bar shrinks by a CSS transform animation; its colour is set once a second by the
// shared ticker. At a fixed clock its computed colour says how old the code is, the progressbar
// announces the seconds left, and the next code shows at the end.
const PERIOD_START = Date.UTC(2026, 2, 2, 9, 41, 0);
const SECRET = 'JBSWY3DPEHPK3PXP';

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

/** The bar's background colour as [r, g, b] (computed style mid-animation). */
async function barColour(): Promise<number[]> {
  const colour = await app.page
    .locator('.countdown-fill')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  return (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
}

function oathtoolTotp(atMs: number): string {
  const out = execFileSync('oathtool', ['--totp', '-b', `--now=@${Math.floor(atMs / 1000)}`, SECRET], {
    encoding: 'utf8',
  });
  return `${out.slice(0, 3)} ${out.slice(3, 6)}`;
}

const seed = [{ issuer: 'GitHub', account: 'alice', secret: SECRET }];

test('near the start of a period the bar is green and the next code is hidden', async () => {
  app = await launchApp({ nowMs: PERIOD_START + 1_000, accounts: seed });
  const row = app.page.getByRole('listitem', { name: /^GitHub/ });
  const bar = row.getByRole('progressbar', { name: 'Time left' });
  await expect(bar).toHaveAttribute('aria-valuenow', '29');
  const [r = 0, g = 0, b = 0] = await barColour();
  expect(g, `rgb(${r}, ${g}, ${b}) should be green`).toBeGreaterThan(140);
  expect(r).toBeLessThan(90);
  expect(b).toBeLessThan(g);
  await expect(bar).toHaveAttribute('aria-valuemax', '30');
  await expect(bar).toHaveAttribute('aria-valuetext', '29 seconds left');
  await expect(row.locator('.next-code')).toBeHidden();
});

test('near the end of a period the bar is red and the next code shows beside the current one', async () => {
  const now = PERIOD_START + 26_500;
  app = await launchApp({ nowMs: now, accounts: seed });
  const row = app.page.getByRole('listitem', { name: /^GitHub/ });
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');
  const [r = 0, g = 0, b = 0] = await barColour();
  expect(r, `rgb(${r}, ${g}, ${b}) should be red`).toBeGreaterThan(200);
  expect(g).toBeLessThan(110);
  expect(b).toBeLessThan(60);
  const next = oathtoolTotp(PERIOD_START + 30_000);
  await expect(row.locator('.next-code')).toHaveText(`next ${next}`);
  // The row's name holds the code only (stable while it is valid); the progressbar has the seconds.
  await expect(row).toHaveAccessibleName(`GitHub, alice, code ${oathtoolTotp(now)}`);
  await expect(row.getByRole('progressbar', { name: 'Time left' })).toHaveAttribute(
    'aria-valuetext',
    '4 seconds left',
  );
});

test('codes roll over at the period boundary without a reload', async () => {
  const now = PERIOD_START + 22_000;
  app = await launchApp({ nowMs: now, clock: 'flowing', accounts: seed });
  const code = app.page.getByRole('listitem', { name: /^GitHub/ }).getByTestId('code');
  await expect(code).toHaveText(oathtoolTotp(now));
  await app.advance(8_000);
  await expect(code).toHaveText(oathtoolTotp(PERIOD_START + 30_000));
  await expect(app.page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^(30|29|28|27|26)$/);
});
