import { expect as baseExpect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { fakeCameraArgs, openScan, writeQrClip } from './scan-helpers';

// The first decode compiles zxing's 950 kB .wasm in the worker (or main); on two shared, busy
// cores that alone can take seconds, so scan results get more time than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

// The webcam path with Chromium's file-backed fake camera: a Y4M clip of a QR code held up to it.
const URI = 'otpauth://totp/Example:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Example&period=60';

let app: LaunchedApp | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a QR code shown to the (fake) webcam is confirmed and added; the camera is released', async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyfob-cam-'));
  const clip = join(dir, 'qr.y4m');
  await writeQrClip(clip, URI);
  app = await launchApp({
    chromiumArgs: fakeCameraArgs(clip),
  });
  const { page } = app;
  const dialog = await openScan(page);
  await dialog.getByRole('button', { name: 'Webcam' }).click();
  const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
  const entry = confirm.getByRole('listitem', { name: 'Example' });
  await expect(entry).toContainText('TOTP · SHA1 · 6 digits · every 60 s', { timeout: 15_000 });
  await expect(entry.getByTestId('scan-code')).toHaveText(/^\d{3} \d{3}$/);
  // Confirming replaced the preview: the camera is stopped, not left running.
  expect(await page.evaluate(() => document.querySelector('video'))).toBeNull();
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('listitem', { name: /^Example, bob/ })).toBeVisible();
});

test('a web link shown to the webcam is outlined and explained; nothing is added; closing releases the camera', async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyfob-cam-'));
  const clip = join(dir, 'link.y4m');
  await writeQrClip(clip, 'https://example.com/hello');
  app = await launchApp({
    chromiumArgs: fakeCameraArgs(clip),
  });
  const dialog = await openScan(app.page);
  // Count the camera tracks the dialog stops, to see the camera released on close.
  await app.page.evaluate(() => {
    const stop = MediaStreamTrack.prototype.stop;
    const w = window as unknown as { stoppedTracks: number };
    w.stoppedTracks = 0;
    MediaStreamTrack.prototype.stop = function (this: MediaStreamTrack) {
      w.stoppedTracks++;
      stop.call(this);
    };
  });
  await dialog.getByRole('button', { name: 'Webcam' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'This QR code holds a link, not an authenticator key. Nothing was added.',
  );
  await expect(dialog.locator('polygon.scan-outline')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.page.evaluate(() => (window as unknown as { stoppedTracks: number }).stoppedTracks)).toBe(
    1,
  );
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
});

const noCamera = {
  // A camera exists, but the permission prompt is refused, as a user or the OS privacy setting would.
  'permission denied': {
    args: ['--use-fake-device-for-media-stream'],
    message: /not allowed to use the camera\. Allow it in System Settings → Privacy & Security → Camera/,
  },
  // Permission granted, but no capture device (no fake camera either).
  'no camera': {
    args: ['--use-fake-ui-for-media-stream'],
    message: /^No camera was found\. Connect one, or scan an image file instead\.$/,
  },
};

for (const [situation, { args, message }] of Object.entries(noCamera)) {
  test(`${situation}: the dialog says so plainly`, async () => {
    app = await launchApp({ chromiumArgs: args });
    const dialog = await openScan(app.page);
    await dialog.getByRole('button', { name: 'Webcam' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(message);
  });
}
