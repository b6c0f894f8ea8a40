import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startFakeSntpServer, type FakeSntpServer } from '../test-support/clock/fake-sntp-server';

// The clock's and the lock's real Electron APIs, which the harness replaces with adapters:
// powerMonitor (suspend, idle time), systemPreferences' Touch ID, and SNTP from the main process.
// Skipped where the Electron binary is missing (npm ci does not fetch it); CI sets
// KEYFOB_REQUIRE_ELECTRON=1 after installing it, which turns a missing binary into a failure.
const dist = join(dirname(require.resolve('electron/package.json')), 'dist');
const HAVE_ELECTRON = existsSync(dist);
if (!HAVE_ELECTRON && process.env.KEYFOB_REQUIRE_ELECTRON === '1')
  throw new Error('KEYFOB_REQUIRE_ELECTRON=1 but the Electron binary is not installed');
test.skip(
  !HAVE_ELECTRON,
  'needs the Electron binary (npx install-electron --no); the harness specs cover the rest',
);

type Bridge = Record<string, (...args: unknown[]) => Promise<{ ok: boolean; value?: unknown }>>;

let folder: string;
let electronApp: ElectronApplication;
let page: Page;
let timeServer: FakeSntpServer;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'keyfob-electron-clock-lock-'));
  timeServer = await startFakeSntpServer({ kind: 'time', offsetMs: 134_000 });
  electronApp = await electron.launch({
    args: [join(__dirname, '..', 'out', 'main', 'index.js')],
    env: {
      ...(process.env as Record<string, string>),
      KEYFOB_HOME: folder,
      KEYFOB_KEYCHAIN_SERVICE: `Keyfob e2e ${randomUUID()}`,
    },
  });
  page = await electronApp.firstWindow();
});
test.afterEach(async () => {
  await ask('lock:remove-password', 'correct horse').catch(() => undefined);
  await electronApp.close().catch(() => undefined);
  await timeServer.close();
  await rm(folder, { recursive: true, force: true });
});

/** Calls a channel through the real preload and IPC gateway. */
const ask = (channel: string, ...args: unknown[]) =>
  page.evaluate(
    ([c, a]) => (globalThis as unknown as { keyfob: Bridge }).keyfob[c as string]?.(...(a as unknown[])),
    [channel, args],
  );

test('powerMonitor: a suspend locks the window; the idle time is a number of seconds', async () => {
  expect(await ask('lock:set-password', null, 'correct horse')).toMatchObject({ ok: true });
  await electronApp.evaluate(({ powerMonitor }) => powerMonitor.emit('suspend'));
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toBeVisible();
  const idle = await electronApp.evaluate(({ powerMonitor }) => powerMonitor.getSystemIdleTime());
  expect(Number.isInteger(idle) && idle >= 0).toBe(true);
  await page.getByLabel('Password').fill('correct horse');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Keyfob is locked' })).toHaveCount(0);
});

test('Touch ID is offered only on a Mac that can prompt', async () => {
  await ask('lock:set-password', null, 'correct horse');
  const canPrompt = await electronApp.evaluate(({ systemPreferences }) =>
    process.platform === 'darwin' ? systemPreferences.canPromptTouchID() : false,
  );
  expect(await ask('lock:status')).toMatchObject({
    value: { touchIdPresent: canPrompt, touchId: canPrompt },
  });
});

test('main measures the clock over UDP and the banner offers corrected time', async () => {
  await ask('settings:set', { clockServer: timeServer.address });
  const banner = page.getByRole('region', { name: 'Clock' });
  await expect(banner).toContainText("Your computer's clock is 2 min 14 s slow");
  await banner.getByRole('button', { name: 'Use corrected time' }).click();
  await expect(banner).toContainText('Codes use the corrected time');
});
