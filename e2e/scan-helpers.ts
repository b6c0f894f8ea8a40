import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

// Helpers for the scan specs: real QR images made with the `qrcode` package, delivered the ways a
// person would (file picker, drop, paste, a fake webcam clip).

/** A PNG of a QR code holding `text`, `scale` pixels a module, with a quiet zone. */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale, margin: 4, errorCorrectionLevel: 'M' });
}

/** The TOTP code oathtool computes for a base32 secret at an instant. */
export function oathtoolTotp(secret: string, atMs: number): string {
  return execFileSync('oathtool', ['--totp', '-b', `--now=@${Math.floor(atMs / 1000)}`, secret], {
    encoding: 'utf8',
  }).trim();
}

/** Opens Add account → Scan QR code… and returns the dialog. */
export async function openScan(page: Page) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('menuitem', { name: /Scan QR code/ }).click();
  return page.getByRole('dialog', { name: 'Scan QR code' });
}

/** Chooses an image through the dialog's file picker. */
export async function chooseImage(page: Page, png: Buffer, name = 'qr.png'): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: png });
}

/** Drops an image file onto the window, as dragging it from a file manager does. */
export async function dropImage(page: Page, png: Buffer): Promise<void> {
  await page.evaluate(
    (bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
      const target = document.querySelector('.scan-drop') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [...png],
  );
}

/** Pastes an image (or text) into the focused element, as Ctrl/Cmd+V delivers a clipboard image. */
export async function paste(page: Page, content: { png: Buffer } | { text: string }): Promise<void> {
  await page.evaluate(
    ({ bytes, text }) => {
      const dt = new DataTransfer();
      if (bytes) dt.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
      if (text !== undefined) dt.setData('text/plain', text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    'png' in content
      ? { bytes: [...content.png], text: undefined }
      : { bytes: undefined, text: content.text },
  );
}

/** Chromium switches for a fake webcam that plays `clip` (a Y4M file), permission granted. */
export function fakeCameraArgs(clip: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${clip}`,
  ];
}

/**
 * Writes a Y4M (4:2:0) clip for Chromium's fake webcam showing a QR code for `text` centred on
 * a mid-grey 640×480 frame, as a phone held up to a camera would.
 */
export async function writeQrClip(path: string, text: string, frames = 5): Promise<void> {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const module = Math.floor(Math.min(width, height) / (n + 8));
  const size = module * (n + 8);
  const left = Math.floor((width - size) / 2);
  const top = Math.floor((height - size) / 2);
  const y = Buffer.alloc(width * height, 120);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const mr = Math.floor(row / module) - 4;
      const mc = Math.floor(col / module) - 4;
      const dark = mr >= 0 && mc >= 0 && mr < n && mc < n && qr.modules.get(mr, mc) === 1;
      y[(top + row) * width + left + col] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** A display's RGBA pixels: a light desktop with a QR code for `text` drawn at (`x`, `y`). */
export function desktopWithQr(
  width: number,
  height: number,
  qr?: { text: string; x: number; y: number; module: number },
): { data: Uint8ClampedArray; width: number; height: number } {
  const data = new Uint8ClampedArray(width * height * 4).fill(236);
  if (qr) {
    const code = QRCode.create(qr.text, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const size = (n + 8) * qr.module;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const mr = Math.floor(row / qr.module) - 4;
        const mc = Math.floor(col / qr.module) - 4;
        const dark = mr >= 0 && mc >= 0 && mr < n && mc < n && code.modules.get(mr, mc) === 1;
        const at = ((qr.y + row) * width + qr.x + col) * 4;
        data.fill(dark ? 0 : 255, at, at + 3);
      }
    }
  }
  return { data, width, height };
}
