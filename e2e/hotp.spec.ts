import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { launchApp, type LaunchedApp } from './harness';

// HOTP rows have no countdown; "Next code" takes the shown code (RFC 4226 §7.2: the counter moves
// on durably) and shows the following one, which is what a copy then copies.
const SECRET = 'GEZDGNBVGY3TQOJQ';
const hotp = (counter: number) =>
  execFileSync('oathtool', ['--hotp', '-b', '-c', String(counter), SECRET], { encoding: 'utf8' }).trim();
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('Next code advances the counter and shows the following code', async () => {
  app = await launchApp({
    accounts: [{ issuer: 'Company VPN', account: 'alice', secret: SECRET, type: 'hotp', counter: '41' }],
  });
  const { page } = app;
  const row = page.getByRole('listitem', { name: /^Company VPN/ });
  await expect(row.getByTestId('code')).toHaveText(grouped(hotp(41)));
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await expect(row).toHaveAccessibleName(`Company VPN, alice, code ${grouped(hotp(41))}`);

  await row.getByRole('button', { name: 'Next code' }).click();
  await expect(row.getByTestId('code')).toHaveText(grouped(hotp(42)));
  await row.getByRole('button', { name: 'Next code' }).click();
  await expect(row.getByTestId('code')).toHaveText(grouped(hotp(43)));
  expect((await app.services.handlers['accounts:list']())[0]?.counter).toBe('43');

  await row.click();
  await expect.poll(() => app.clipboard.read()).toBe(hotp(43));
  await app.relaunch();
  await expect(app.page.getByRole('listitem', { name: /^Company VPN/ }).getByTestId('code')).toHaveText(
    grouped(hotp(43)),
  );
});
