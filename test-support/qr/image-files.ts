import sharp from 'sharp';
import { seededRandom } from '../core/seeded-random';
import type { Frame } from '../../qr-decoder/types';
import { drawQr, qrModules, squareQuad } from './qr-render';
import { createFrame } from './raster';
import { cameraFrame, screenFrame } from './scenes';

/** Encodes a frame as an image file of the given format (sharp; BMP by hand, which sharp lacks). */
export async function encodeImage(
  f: Frame,
  format: 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp',
): Promise<Uint8Array> {
  if (format === 'bmp') return bmp24(f);
  const img = sharp(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), {
    raw: { width: f.width, height: f.height, channels: 4 },
  });
  const encoded =
    format === 'jpeg'
      ? img.jpeg({ quality: 85 })
      : format === 'webp'
        ? img.webp({ quality: 90 })
        : format === 'gif'
          ? img.gif()
          : img.png();
  return new Uint8Array(await encoded.toBuffer());
}

/** A crisp code alone on white: what a site's "can't scan? save the image" link gives. */
export function plainCode(text: string, modulePx = 6): Frame {
  const m = qrModules(text);
  const side = (m.size + 8) * modulePx;
  const f = createFrame(side, side, [255, 255, 255]);
  drawQr(f, m, squareQuad(side / 2, side / 2, side), { dark: [0, 0, 0], light: [255, 255, 255], samples: 1 });
  return f;
}

/** A photo-like 1280×720 frame of the code, and a 2560×1440 dark-theme screenshot holding it. */
export function photoAndScreenshot(text: string): { photo: Frame; screenshot: Frame } {
  return {
    photo: cameraFrame(seededRandom(7), 1280, 720, text, 420, {
      rotate: 12,
      tilt: 0.1,
      noise: 8,
      uneven: 0.3,
    }),
    screenshot: screenFrame(seededRandom(8), 2560, 1440, text, 180, 'inverted', true),
  };
}

/** A photo-like frame of a desk with no code on it. */
export function codelessPhoto(): Frame {
  return cameraFrame(seededRandom(9), 1280, 720, undefined, 0, { noise: 8 });
}

/** A 24-bit bottom-up BMP (BITMAPINFOHEADER), the most common kind. */
function bmp24(f: Frame): Uint8Array {
  const stride = Math.ceil((f.width * 3) / 4) * 4;
  const out = new Uint8Array(54 + stride * f.height);
  const v = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  v.setUint32(2, out.length, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, f.width, true);
  v.setInt32(22, f.height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  for (let y = 0; y < f.height; y++) {
    const row = 54 + (f.height - 1 - y) * stride;
    for (let x = 0; x < f.width; x++) {
      const i = (y * f.width + x) * 4;
      out[row + x * 3] = f.data[i + 2] ?? 0;
      out[row + x * 3 + 1] = f.data[i + 1] ?? 0;
      out[row + x * 3 + 2] = f.data[i] ?? 0;
    }
  }
  return out;
}
