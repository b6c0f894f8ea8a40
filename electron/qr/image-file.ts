import { decodeFrame, toOutcome } from '../../qr-decoder/decode-frame';
import { bmpTruncated, imageFormat, imageSize, type ImageFormat } from '../../qr-decoder/image-header';
import { MAX_IMAGE_PIXELS, tooManyPixels } from '../../qr-decoder/image-limits';
import type { DecodeOutcome, Frame } from '../../qr-decoder/types';
import { readQr } from '../../qr-decoder/zxing-reader';
import { KeyfobError } from '../../shared/errors';
import { readCodes, type ReadOutcome } from './classify';
import { loadZxingWasmFile } from './load-wasm';

// Node only (`keyfob scan`): image files → RGBA → the same decodeFrame as the app's worker. sharp
// (libvips, prebuilt binaries inside its npm packages) decodes PNG, JPEG, WebP and GIF and applies
// EXIF orientation, as a phone photo needs. libvips has no BMP reader, so BMP — and every format
// if sharp cannot load on this platform — goes to zxing-cpp's built-in stb_image instead.

/**
 * Decodes QR codes in an image file's bytes (PNG, JPEG, WebP, BMP, GIF — a whole screenshot is
 * fine) and reads what they hold (see readCodes). Throws an `invalid-input` KeyfobError for other
 * formats, a corrupt image, or one of more than {@link MAX_IMAGE_PIXELS} — judged from its header,
 * before any decoder allocates pixels.
 */
export async function decodeImageFile(bytes: Uint8Array): Promise<ReadOutcome> {
  return readCodes(await decodeImage(bytes));
}

async function decodeImage(bytes: Uint8Array): Promise<DecodeOutcome> {
  loadZxingWasmFile();
  const format = imageFormat(bytes);
  if (format === undefined) {
    throw new KeyfobError('invalid-input', 'This is not a PNG, JPEG, WebP, BMP or GIF image.');
  }
  checkPixels(bytes, format);
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

/**
 * Refuses an image whose header claims more than {@link MAX_IMAGE_PIXELS}. A BMP goes to zxing's
 * own decoder, which trusts its header, so a BMP whose size cannot be read is refused too; for the
 * other formats sharp enforces the same limit from the header it reads itself.
 */
function checkPixels(bytes: Uint8Array, format: ImageFormat): void {
  const size = imageSize(bytes);
  if (size !== undefined && size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new KeyfobError('invalid-input', tooManyPixels(size.width, size.height));
  }
  if (format === 'bmp' && (size === undefined || size.width < 1 || size.height < 1 || bmpTruncated(bytes))) {
    throw new KeyfobError('invalid-input', 'The image is damaged or truncated and cannot be read.');
  }
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
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate() // EXIF orientation
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The decoder reads 32-bit words: a view when sharp's buffer is aligned (it has its own
    // allocation), a copy otherwise — never a second 160 MB buffer for a large screenshot.
    const pixels =
      data.byteOffset % 4 === 0
        ? new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8ClampedArray(data);
    return { data: pixels, width: info.width, height: info.height };
  } catch (e) {
    if (e instanceof Error && /pixel limit/iu.test(e.message)) {
      throw new KeyfobError(
        'invalid-input',
        `This image has more than ${MAX_IMAGE_PIXELS / 1e6} MP; Keyfob reads images up to ${MAX_IMAGE_PIXELS / 1e6} MP. Crop it to the QR code.`,
      );
    }
    throw new KeyfobError('invalid-input', 'The image is damaged or truncated and cannot be read.');
  }
}
