import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { startFakeSntpServer, type FakeSntpServer } from '../test-support/clock/fake-sntp-server';
import { launchApp, type LaunchedApp } from './harness';

// The clock banner against a real UDP time server on 127.0.0.1 (test-support/clock): main asks it
// with its own (fixed) clock, so the server's offset is what main measures, less a few ms of
// round trip. 10.5 s into a period here, 24.5 s into one at the corrected time.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 10, 500);
const OFFSET = 134_000;
const SECRET = 'JBSWY3DPEHPK3PXP';
const ACCOUNTS = [{ issuer: 'GitHub', account: 'alice', secret: SECRET }];

let app: LaunchedApp;
let server: FakeSntpServer;
test.beforeEach(async () => {
  server = await startFakeSntpServer({ kind: 'silent' });
});
test.afterEach(async () => {
  await app?.close();
  await server.close();
});

function oathtool(atMs: number): string {
  const out = execFileSync('oathtool', ['--totp', '-b', `--now=@${Math.floor(atMs / 1000)}`, SECRET], {
    encoding: 'utf8',
  });
  return `${out.slice(0, 3)} ${out.slice(3, 6)}`;
}

test('a slow clock gets the banner; "Use corrected time" moves every code to the corrected time', async () => {
  server.answer({ kind: 'time', offsetMs: OFFSET });
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, timeServer: server.address });
  const { page } = app;
  const row = page.getByRole('listitem', { name: /^GitHub/ });
  const banner = page.getByRole('region', { name: 'Clock' });
  await expect(banner).toContainText("Your computer's clock is 2 min 14 s slow");
  await expect(banner).toContainText(`Keyfob can use the time from ${server.address} instead.`);
  await expect(row.getByTestId('code')).toHaveText(oathtool(NOW));
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '20');

  await banner.getByRole('button', { name: 'Use corrected time' }).click();
  const corrected = oathtool(NOW + OFFSET);
  expect(corrected).not.toBe(oathtool(NOW));
  await expect(row.getByTestId('code')).toHaveText(corrected);
  // The countdown runs on the corrected window: 24.5 s into it, 6 s left.
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  await expect(banner).toContainText(`Codes use the corrected time from ${server.address}.`);
  expect((await app.services.handlers['settings:get']()).useCorrectedTime).toBe(true);

  await row.click();
  await expect.poll(() => app.clipboard.read()).toBe(corrected.replace(' ', ''));

  await banner.getByRole('button', { name: "Use this computer's clock" }).click();
  await expect(row.getByTestId('code')).toHaveText(oathtool(NOW));
  await expect(banner.getByRole('button', { name: 'Use corrected time' })).toBeVisible();
});

test('a slow answer is measured with its round trip taken out; a fast clock says so', async () => {
  server.answer({ kind: 'time', offsetMs: -42_000, delayMs: 600 });
  app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, timeServer: server.address });
  await expect(app.page.getByRole('region', { name: 'Clock' })).toContainText(
    "Your computer's clock is 42 s fast",
  );
  const { measurement } = await app.services.handlers['clock:status']();
  expect(Math.abs((measurement?.offsetMs ?? 0) + 42_000)).toBeLessThan(100);
  expect(measurement?.delayMs).toBeGreaterThanOrEqual(599);
});

for (const [what, answer] of [
  ['an offset under 10 s', { kind: 'time', offsetMs: 9_000 }],
  ['a reply that is not a server reply', { kind: 'wrong', flaw: 'client-mode', offsetMs: OFFSET }],
  ['a Kiss-o-Death', { kind: 'kiss', code: 'RATE' }],
  ['no answer', { kind: 'silent' }],
] as const) {
  test(`no banner for ${what}`, async () => {
    server.answer(answer);
    app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, timeServer: server.address });
    await expect.poll(() => server.requests.length).toBeGreaterThan(0);
    const row = app.page.getByRole('listitem', { name: /^GitHub/ });
    await expect(row.getByTestId('code')).toHaveText(oathtool(NOW));
    // Past the client's 3 s wait: whatever came has been judged.
    await app.page.waitForTimeout(3_300);
    const status = await app.services.handlers['clock:status']();
    expect(status.measurement === null || Math.abs(status.measurement.offsetMs) < 10_000).toBe(true);
    await expect(app.page.getByRole('region', { name: 'Clock' })).toHaveCount(0);
  });
}
