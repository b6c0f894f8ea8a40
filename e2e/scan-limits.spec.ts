import { expect as baseExpect, test } from '@playwright/test';
import { blankPng } from '../test-support/qr/png-bomb';
import { launchApp, type LaunchedApp } from './harness';
import { chooseImage, openScan } from './scan-helpers';

// Oversized images in the Scan dialog: refused with a message before the browser decodes them.
const expect = baseExpect.configure({ timeout: 15_000 });
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('an image of more than 40 MP is refused from its header', async () => {
  app = await launchApp({ nowMs: NOW });
  const dialog = await openScan(app.page);
  await chooseImage(app.page, Buffer.from(await blankPng(8, 6_000_000)));
  await expect(dialog.getByRole('status')).toHaveText(
    'This image is 8 × 6,000,000 pixels (48 MP); Keyfob reads images up to 40 MP. Crop it to the QR code.',
  );
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
});

test('a dropped file over 64 MB is refused before it is read', async () => {
  app = await launchApp({ nowMs: NOW });
  const dialog = await openScan(app.page);
  await app.page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
    const target = document.querySelector('.scan-drop') ?? document.body;
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(dialog.getByRole('status')).toHaveText(
    'This image file is 65 MB; Keyfob reads images up to 64 MB.',
  );
});
