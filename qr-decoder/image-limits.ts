// Bounds on images read for QR codes, shared by the CLI (electron/qr/image-file.ts) and the app's
// scan worker. Pure: no DOM, no Node built-ins.

/**
 * Most pixels an image may have: a 4K screenshot is 8.3 MP and an 8K one 33 MP, while decoding
 * costs 4 bytes a pixel before the decoder's own copy, so a 40 MP limit keeps one scan under
 * about 400 MB even for a file that claims more than it holds (a "decompression bomb").
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Largest image file read: a 40 MP photo as JPEG or PNG fits; 64 MiB. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/** The message for an image with more than {@link MAX_IMAGE_PIXELS}. */
export function tooManyPixels(width: number, height: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const mp = (width * height) / 1e6;
  return (
    `This image is ${n(width)} × ${n(height)} pixels (${mp < 1000 ? mp.toFixed(0) : n(Math.round(mp))} MP); ` +
    `Keyfob reads images up to ${MAX_IMAGE_PIXELS / 1e6} MP. Crop it to the QR code.`
  );
}

/** The message for an image file larger than {@link MAX_IMAGE_BYTES}. */
export function tooLargeImage(bytes: number): string {
  const mb = (x: number) => Math.ceil(x / 2 ** 20).toLocaleString('en-US');
  return `This image file is ${mb(bytes)} MB; Keyfob reads images up to ${mb(MAX_IMAGE_BYTES)} MB.`;
}
