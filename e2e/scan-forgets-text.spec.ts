import { expect as baseExpect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { chooseImage, fakeCameraArgs, openScan, paste, qrPng, writeQrClip } from './scan-helpers';

// A scanned key's text goes to main once (scan:submit) and is not kept by the window: after the
// confirm step shows, a heap snapshot of the page (taken after a full garbage collection) holds
// neither the key URI nor its secret.
const expect = baseExpect.configure({ timeout: 15_000 });
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
// A secret used nowhere else, so any copy of it in the page's heap comes from the scan.
const SECRET = 'KEYFOBHEAPPROBEQWERTYZXCV234567AB';
const URI = `otpauth://totp/Heap%20Probe:me?secret=${SECRET}&issuer=Heap%20Probe`;

let app: LaunchedApp | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The page's JavaScript heap as a snapshot's text (strings included), after a full GC. */
async function heapText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

/** Whether the page's heap holds the probe secret (a boolean, so a failure does not print the heap). */
async function holdsSecret(page: Page): Promise<boolean> {
  return (await heapText(page)).includes(SECRET);
}

test.describe('the window keeps no scanned text', () => {
  test('the snapshot finds a string the page does keep (the check works)', async () => {
    app = await launchApp({ nowMs: NOW });
    // Built at run time, so the joined text exists only as a string the page holds.
    await app.page.evaluate(() => {
      (window as unknown as { kept: string }).kept = ['KEPT', 'BY', 'THE', 'PAGE'].join('-');
    });
    expect((await heapText(app.page)).includes('KEPT-BY-THE-PAGE')).toBe(true);
  });

  test('a pasted key', async () => {
    app = await launchApp({ nowMs: NOW });
    const { page } = app;
    await openScan(page);
    await paste(page, { text: URI });
    await expect(page.getByRole('dialog', { name: 'Add scanned accounts' })).toBeVisible();
    expect(await holdsSecret(page), 'the page heap holds the scanned secret').toBe(false);
  });

  test('a key held up to the webcam (which sees it many times a second)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'keyfob-cam-'));
    const clip = join(dir, 'qr.y4m');
    await writeQrClip(clip, URI);
    app = await launchApp({ nowMs: NOW, chromiumArgs: fakeCameraArgs(clip) });
    const { page } = app;
    const dialog = await openScan(page);
    await dialog.getByRole('button', { name: 'Webcam' }).click();
    await expect(page.getByRole('dialog', { name: 'Add scanned accounts' })).toBeVisible();
    expect(await holdsSecret(page), 'the page heap holds the scanned secret').toBe(false);
  });

  test('a key read from an image file', async () => {
    app = await launchApp({ nowMs: NOW });
    const { page } = app;
    await openScan(page);
    await chooseImage(page, await qrPng(URI));
    await expect(page.getByRole('dialog', { name: 'Add scanned accounts' })).toBeVisible();
    expect(await holdsSecret(page), 'the page heap holds the scanned secret').toBe(false);
  });
});
