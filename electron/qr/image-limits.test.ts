import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test-support/core/seeded-random';
import { imageSize } from '../../qr-decoder/image-header';
import { MAX_IMAGE_PIXELS } from '../../qr-decoder/image-limits';
import { decodeImageFile } from './image-file';
import { encodeImage, plainCode } from '../../test-support/qr/image-files';
import { blankPng } from '../../test-support/qr/png-bomb';
import { screenFrame } from '../../test-support/qr/scenes';

// Images are judged by the size their header claims before any decoder allocates pixels: a 4K
// screenshot passes, a decompression bomb does not.

const KEY = 'otpauth://totp/ACME:jo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME';

/** A BMP header claiming `width` × `height` with no pixel data behind it. */
function bmpHeader(width: number, height: number, dib = 40): Uint8Array {
  const out = new Uint8Array(64);
  const v = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  v.setUint32(10, 54, true);
  v.setUint32(14, dib, true);
  if (dib === 12) {
    v.setUint16(18, width, true);
    v.setUint16(20, height, true);
  } else {
    v.setInt32(18, width, true);
    v.setInt32(22, height, true);
  }
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  return out;
}

describe('imageSize', () => {
  const frame = plainCode(KEY, 3);
  it.each(['png', 'jpeg', 'webp', 'gif', 'bmp'] as const)('reads the size of a %s', async (format) => {
    expect(imageSize(await encodeImage(frame, format))).toEqual({ width: frame.width, height: frame.height });
  });

  it.each([
    ['a top-down BMP (negative height)', bmpHeader(640, -480), { width: 640, height: 480 }],
    ['an OS/2 BMP (12-byte header)', bmpHeader(300, 200, 12), { width: 300, height: 200 }],
    ['a truncated PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), undefined],
    ['a JPEG with no frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0]), undefined],
    ['text', new TextEncoder().encode('hello'), undefined],
  ])('%s', (_, bytes, size) => {
    expect(imageSize(bytes)).toEqual(size);
  });
});

describe('decodeImageFile pixel limit', () => {
  it('reads a code in a 3840 × 2160 screenshot (8.3 MP)', async () => {
    const shot = screenFrame(seededRandom(4), 3840, 2160, KEY, 240, 'light', true);
    const outcome = await decodeImageFile(await encodeImage(shot, 'png'));
    expect(outcome.codes.map((c) => c.text)).toEqual([KEY]);
  });

  it('refuses a valid 1 × 100,000,000 PNG of 190 KB from its header', async () => {
    const bomb = await blankPng(1, 100_000_000);
    expect(bomb.length).toBeLessThan(250_000);
    await expect(decodeImageFile(bomb)).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'This image is 1 × 100,000,000 pixels (100 MP); Keyfob reads images up to 40 MP. Crop it to the QR code.',
    });
  });

  it.each([
    [
      'a PNG just over the limit',
      () => blankPng(8, MAX_IMAGE_PIXELS / 8 + 8),
      /8 × 5,000,008 pixels \(40 MP\)/,
    ],
    ['a BMP claiming 100,000 × 100,000', async () => bmpHeader(100_000, 100_000), /100,000 × 100,000 pixels/],
    ['a BMP of width 0', async () => bmpHeader(0, 10), /damaged or truncated/],
    ['a BMP with a cut-off header', async () => bmpHeader(10, 10).subarray(0, 20), /damaged or truncated/],
  ])('refuses %s before decoding', async (_, make, message) => {
    await expect(decodeImageFile(await make())).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(message),
    });
  });
});
