import { describe, expect, it } from 'vitest';
import { imageFormat } from '../../qr-decoder/image-header';
import { decodeImageFile } from './image-file';
import { codelessPhoto, encodeImage, photoAndScreenshot, plainCode } from '../../test-support/qr/image-files';

const KEY = 'otpauth://totp/ACME%20Co:jo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME%20Co&digits=8';
const texts = async (bytes: Uint8Array) => (await decodeImageFile(bytes)).codes.map((c) => c.text);

describe('decodeImageFile', () => {
  it.each(['png', 'jpeg', 'webp', 'gif', 'bmp'] as const)('reads a %s image', async (format) => {
    const bytes = await encodeImage(plainCode(KEY), format);
    expect(imageFormat(bytes)).toBe(format);
    expect(await texts(bytes)).toEqual([KEY]);
  });

  it('reads a photo-like JPEG and a whole dark-theme screenshot', async () => {
    const { photo, screenshot } = photoAndScreenshot(KEY);
    expect(await texts(await encodeImage(photo, 'jpeg'))).toEqual([KEY]);
    expect(await texts(await encodeImage(screenshot, 'png'))).toEqual([KEY]);
  });

  it('finds nothing in an image without a code', async () => {
    expect(await decodeImageFile(await encodeImage(codelessPhoto(), 'png'))).toEqual({
      codes: [],
      implausible: [],
    });
  });

  it.each([
    [
      'a text file',
      new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DP'),
      /not a PNG, JPEG, WebP, BMP or GIF/,
    ],
    [
      'a truncated PNG',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      /damaged or truncated/,
    ],
  ])('refuses %s', async (_, bytes, message) => {
    await expect(decodeImageFile(bytes)).rejects.toThrow(message);
  });
});
