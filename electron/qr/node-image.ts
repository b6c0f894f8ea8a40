import { KeyfobError } from '../../shared/errors';
import { decodeFrame, toOutcome } from './decode-frame';
import { useZxingWasmFromNodeModules } from './node-wasm';
import type { DecodeOutcome, Frame } from './types';
import { readQr } from './zxing-reader';

// Node only (`keyfob scan`): image files → RGBA → the same decodeFrame as the app's worker. sharp
// (libvips, prebuilt binaries inside its npm packages) decodes PNG, JPEG, WebP and GIF and applies
// EXIF orientation, as a phone photo needs. libvips has no BMP reader, so BMP — and every format
// if sharp cannot load on this platform — goes to zxing-cpp's built-in stb_image instead.

/** Image formats `keyfob scan` reads, told apart by their first bytes. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

/** Recognises an image by its signature; undefined for anything else. */
export function sniffImageFormat(b: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 2) === 'BM') return 'bmp';
  return undefined;
}

/**
 * Decodes QR codes in an image file's bytes (PNG, JPEG, WebP, BMP, GIF — a whole screenshot is
 * fine). Throws an `invalid-input` KeyfobError for other formats or a corrupt image.
 */
export async function decodeImageFile(bytes: Uint8Array): Promise<DecodeOutcome> {
  useZxingWasmFromNodeModules();
  const format = sniffImageFormat(bytes);
  if (format === undefined) {
    throw new KeyfobError('invalid-input', 'This is not a PNG, JPEG, WebP, BMP or GIF image.');
  }
  const frame = format === 'bmp' ? undefined : await rgbaWithSharp(bytes);
  if (frame) return decodeFrame(frame);
  if (format === 'webp') {
    throw new KeyfobError('invalid-input', 'Reading WebP needs the sharp package, which cannot load here.');
  }
  // stb_image decodes inside the wasm; zxing's own multi-pass options stand in for ours.
  const results = await readQr(bytes, {
    tryHarder: true,
    tryInvert: true,
    tryDownscale: true,
    tryDenoise: true,
    maxNumberOfSymbols: 8,
  });
  return toOutcome(results);
}

/** RGBA pixels through sharp; undefined when sharp itself is unavailable. */
async function rgbaWithSharp(bytes: Uint8Array): Promise<Frame | undefined> {
  let sharp: (typeof import('sharp'))['default'];
  try {
    sharp = (await import('sharp')).default;
  } catch {
    return undefined;
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate() // EXIF orientation
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // A fresh, 4-byte-aligned copy: Buffers may sit at any offset of a shared pool.
    return { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
  } catch {
    throw new KeyfobError('invalid-input', 'The image is damaged or truncated and cannot be read.');
  }
}
