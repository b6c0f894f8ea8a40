import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import type { SeededRandom } from '../core/seeded-random';
import type { Frame } from '../../qr-decoder/types';
import { drawQr, qrModules, squareQuad, type Quad } from './qr-render';
import { defocus, glare, motionBlur } from './optics';
import { addNoise, blur, contrast, createFrame, fillRect, unevenLight, type Rgb } from './raster';

/** What a camera did to the code in a frame; every field optional, applied in a fixed order. */
export interface CameraConditions {
  /** Rotation in degrees. */
  rotate?: number;
  /** Perspective: the far edge shrinks by this fraction of the side (0.1–0.3). */
  tilt?: number;
  /** Gaussian blur σ in px (a soft lens, or a scaled-up image). */
  blur?: number;
  /** Defocus: radius in px of the disc each point spreads into. */
  defocus?: number;
  /** Motion blur: length in px of the streak, and its direction in degrees. */
  motion?: { length: number; angle: number };
  /** A lamp's reflection over the code: peak whitening (0–1) and its radius as a fraction of the code's side. */
  glare?: { strength: number; radius: number };
  noise?: number;
  /** Contrast factor (1 = unchanged) and the grey level it squeezes towards. */
  contrast?: number;
  mid?: number;
  /** Light falls off by this fraction across the frame. */
  uneven?: number;
  /** JPEG quality of a lossy round trip (webcams stream MJPEG). */
  jpeg?: number;
  /** A phone in dark mode: light modules on a dark screen. */
  inverted?: boolean;
}

/**
 * A webcam-like frame: a cluttered desk, a sheet (or phone screen) holding the code `side` px
 * wide (quiet zone included) near the centre, then the camera's conditions. No `text`: no code.
 */
export function cameraScene(
  rng: SeededRandom,
  width: number,
  height: number,
  text: string | undefined,
  side: number,
  c: CameraConditions,
): Scene {
  const f = createFrame(width, height, grey(rng.int(70, 150)));
  for (let k = 0; k < 12; k++) {
    const w = rng.int(width / 12, width / 3);
    fillRect(f, rng.int(-w, width), rng.int(-w, height), w, rng.int(height / 12, height / 3), colour(rng));
  }
  blur(f, 3); // the desk is out of focus; the code is what the camera focused on
  const cx = width / 2 + rng.int(-width / 10, width / 10);
  const cy = height / 2 + rng.int(-height / 10, height / 10);
  const angle = ((c.rotate ?? 0) * Math.PI) / 180;
  const quad = tilted(squareQuad(cx, cy, side, angle), c.tilt ?? 0);
  const ink: Rgb = c.inverted ? [225, 228, 230] : [25, 25, 30];
  const paper: Rgb = c.inverted ? [18, 18, 20] : [238, 236, 228];
  if (text !== undefined) drawQr(f, qrModules(text), quad, { dark: ink, light: paper, samples: 3 });
  if (c.glare) {
    // Somewhere over the code, not always its middle.
    const gx = cx + (rng.next() - 0.5) * side * 0.6;
    const gy = cy + (rng.next() - 0.5) * side * 0.6;
    glare(f, gx, gy, side * c.glare.radius, c.glare.strength);
  }
  if (c.blur) blur(f, c.blur);
  if (c.defocus) defocus(f, c.defocus);
  if (c.motion) motionBlur(f, c.motion.length, (c.motion.angle * Math.PI) / 180);
  if (c.uneven) unevenLight(f, c.uneven, rng.next() * 2 * Math.PI);
  if (c.contrast !== undefined) contrast(f, c.contrast, c.mid ?? 128);
  if (c.noise) addNoise(f, c.noise, rng);
  const code = text === undefined ? undefined : quad;
  return { frame: c.jpeg ? jpegRoundTrip(f, c.jpeg) : f, code };
}

/** {@link cameraScene}'s frame alone. */
export const cameraFrame = (...args: Parameters<typeof cameraScene>): Frame => cameraScene(...args).frame;

/** A generated frame and where its code is (the quad includes the quiet zone; none without a code). */
export interface Scene {
  frame: Frame;
  code: Quad | undefined;
}

/** Screen themes: light windows, dark windows (code on a white card), dark with a light-on-dark code. */
export type Theme = 'light' | 'dark' | 'inverted';

/**
 * A screenshot: a desktop with overlapping windows full of text-like marks, one window showing
 * the code at `side` px (quiet zone included). `crisp` draws whole pixels per module, as a page
 * at 100 % zoom does; otherwise the code is scaled with smoothing, as an `<img>` at another size.
 */
export function screenScene(
  rng: SeededRandom,
  width: number,
  height: number,
  text: string | undefined,
  side: number,
  theme: Theme,
  crisp: boolean,
): Scene {
  const dark = theme !== 'light';
  const f = createFrame(width, height, dark ? [32, 36, 44] : [200, 210, 225]);
  let code: Quad | undefined;
  const windows = rng.int(4, 9);
  for (let k = 0; k < windows; k++) window(f, rng, dark, rng.int(300, width / 2), rng.int(200, height / 1.5));
  if (text !== undefined) {
    const m = qrModules(text);
    const total = m.size + 8;
    const size = crisp ? Math.max(1, Math.floor(side / total)) * total : side;
    const x = rng.int(0, width - size - 80);
    const y = rng.int(30, height - size - 80);
    window(f, rng, dark, size + 80, size + 110, x, y);
    const cx = x + 40 + size / 2;
    const cy = y + 70 + size / 2;
    const quad = squareQuad(cx, cy, size);
    code = quad;
    if (theme === 'inverted')
      drawQr(f, m, quad, { dark: [230, 232, 235], light: [30, 33, 40], samples: crisp ? 1 : 3 });
    else drawQr(f, m, quad, { dark: [0, 0, 0], light: [255, 255, 255], samples: crisp ? 1 : 3 });
  }
  return { frame: f, code };
}

/** {@link screenScene}'s frame alone. */
export const screenFrame = (...args: Parameters<typeof screenScene>): Frame => screenScene(...args).frame;

/** One window: title bar, lines of "words", a few icons; placed at random unless told. */
function window(
  f: Frame,
  rng: SeededRandom,
  dark: boolean,
  w: number,
  h: number,
  x?: number,
  y?: number,
): void {
  const left = x ?? rng.int(-w / 4, f.width - (w * 3) / 4);
  const top = y ?? rng.int(0, f.height - h / 2);
  const bg: Rgb = dark ? grey(rng.int(22, 50)) : grey(rng.int(235, 255));
  const ink: Rgb = dark ? grey(rng.int(170, 230)) : grey(rng.int(20, 80));
  fillRect(f, left, top, w, h, bg);
  fillRect(f, left, top, w, 28, dark ? grey(60) : grey(215));
  for (let k = 0; k < 3; k++) fillRect(f, left + 10 + k * 20, top + 9, 10, 10, colour(rng));
  for (let line = top + 45; line < top + h - 20; line += rng.int(16, 24)) {
    if (rng.next() < 0.15) continue;
    let cursor = left + 15;
    const end = left + w - rng.int(15, w / 3);
    while (cursor < end) {
      const word = rng.int(8, 60);
      fillRect(
        f,
        cursor,
        line,
        Math.min(word, end - cursor),
        rng.int(7, 10),
        rng.next() < 0.05 ? colour(rng) : ink,
      );
      cursor += word + rng.int(4, 8);
    }
  }
  if (rng.next() < 0.5) fillRect(f, left + w - 90, top + h - 50, 70, 30, colour(rng)); // a button
}

function tilted(q: Quad, tilt: number): Quad {
  if (tilt === 0) return q;
  const [a, b, c, d] = q;
  const shrink = (p: { x: number; y: number }, toward: { x: number; y: number }) => ({
    x: p.x + (toward.x - p.x) * tilt,
    y: p.y + (toward.y - p.y) * tilt,
  });
  return [shrink(a, b), shrink(b, a), c, d]; // the top edge recedes
}

/** Encodes and decodes through JPEG at `quality`: blocking and ringing as in an MJPEG stream. */
export function jpegRoundTrip(f: Frame, quality: number): Frame {
  const encoded = encodeJpeg({ data: Buffer.from(f.data.buffer), width: f.width, height: f.height }, quality);
  const back = decodeJpeg(encoded.data, { useTArray: true, formatAsRGBA: true });
  return { data: new Uint8ClampedArray(back.data.buffer), width: back.width, height: back.height };
}

function grey(v: number): Rgb {
  return [v, v, v];
}

function colour(rng: SeededRandom): Rgb {
  return [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
}
