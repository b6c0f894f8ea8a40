import type { SeededRandom } from '../core/seeded-random';
import type { Frame } from '../../qr-decoder/types';

// Small raster operations for making test and benchmark images: what a camera or a screen does to a
// QR code (blur, noise, contrast, uneven light, inversion). Straightforward loops over RGBA pixels;
// they only have to be deterministic and fast enough for a corpus of a few hundred frames.

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** A new RGBA frame filled with one colour. */
export function createFrame(width: number, height: number, colour: Rgb): Frame {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = colour[0];
    data[i + 1] = colour[1];
    data[i + 2] = colour[2];
    data[i + 3] = 255;
  }
  return { data, width, height };
}

/** Fills an axis-aligned rectangle (clipped to the frame). */
export function fillRect(f: Frame, x: number, y: number, w: number, h: number, colour: Rgb): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(f.width, Math.round(x + w));
  const y1 = Math.min(f.height, Math.round(y + h));
  for (let yy = y0; yy < y1; yy++) {
    for (let xx = x0; xx < x1; xx++) {
      const i = (yy * f.width + xx) * 4;
      f.data[i] = colour[0];
      f.data[i + 1] = colour[1];
      f.data[i + 2] = colour[2];
    }
  }
}

/** Applies `fn` to every colour channel value, given the pixel position (alpha untouched). */
export function mapPixels(f: Frame, fn: (v: number, x: number, y: number, channel: number) => number): void {
  const { data, width } = f;
  for (let i = 0, p = 0; i < data.length; i += 4, p++) {
    const x = p % width;
    const y = (p - x) / width;
    data[i] = fn(data[i] ?? 0, x, y, 0);
    data[i + 1] = fn(data[i + 1] ?? 0, x, y, 1);
    data[i + 2] = fn(data[i + 2] ?? 0, x, y, 2);
  }
}

/** Squeezes the range around `mid` (contrast < 1 = washed out; a low `mid` = dim). */
export function contrast(f: Frame, factor: number, mid = 128): void {
  mapPixels(f, (v) => mid + (v - 128) * factor);
}

/** Additive Gaussian noise of standard deviation `sigma`, the same on all channels (sensor grain). */
export function addNoise(f: Frame, sigma: number, rng: SeededRandom): void {
  const { data } = f;
  for (let i = 0; i < data.length; i += 4) {
    const n = gaussian(rng) * sigma;
    data[i] = (data[i] ?? 0) + n;
    data[i + 1] = (data[i + 1] ?? 0) + n;
    data[i + 2] = (data[i + 2] ?? 0) + n;
  }
}

/** Light falling off across the frame: brightness × (1 − depth … 1) along a random direction. */
export function unevenLight(f: Frame, depth: number, angle: number): void {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const span = Math.abs(dx) * f.width + Math.abs(dy) * f.height;
  const x0 = dx < 0 ? f.width : 0;
  const y0 = dy < 0 ? f.height : 0;
  mapPixels(f, (v, x, y) => v * (1 - depth * (((x - x0) * dx + (y - y0) * dy) / span)));
}

/**
 * A Gaussian blur of `sigma` px: an exact separable kernel below 2 px (a box of one pixel's radius
 * already spreads 1.4 px), three equal box blurs per axis above (within 25 % of `sigma`: the odd box
 * width nearest to it), much faster.
 * @see W. Jarosz, "Fast Image Convolutions"
 */
export function blur(f: Frame, sigma: number): void {
  if (sigma <= 0) return;
  if (sigma < 2) {
    const r = Math.ceil(3 * sigma);
    const kernel = Array.from({ length: 2 * r + 1 }, (_, k) =>
      Math.exp(-((k - r) ** 2) / (2 * sigma * sigma)),
    );
    const total = kernel.reduce((a, b) => a + b, 0);
    const weights = Float32Array.from(kernel, (k) => k / total);
    convolvePass(f, weights, true);
    convolvePass(f, weights, false);
    return;
  }
  const width = Math.sqrt((12 * sigma * sigma) / 3 + 1); // ideal box width for 3 passes
  const r = Math.max(1, Math.round((width - 1) / 2));
  for (let pass = 0; pass < 3; pass++) {
    boxPass(f, r, true);
    boxPass(f, r, false);
  }
}

/** One axis of a separable convolution with `weights` (odd length, centred), edges clamped. */
function convolvePass(f: Frame, weights: Float32Array, horizontal: boolean): void {
  const r = (weights.length - 1) / 2;
  eachLine(f, horizontal, (line, out) => {
    const len = line.length;
    for (let k = 0; k < len; k++) {
      let sum = 0;
      for (let j = -r; j <= r; j++)
        sum += (weights[j + r] ?? 0) * (line[Math.min(len - 1, Math.max(0, k + j))] ?? 0);
      out[k] = sum;
    }
  });
}

function boxPass(f: Frame, r: number, horizontal: boolean): void {
  eachLine(f, horizontal, (line, out) => {
    const len = line.length;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += line[Math.min(len - 1, Math.max(0, k))] ?? 0;
    for (let k = 0; k < len; k++) {
      out[k] = sum / (2 * r + 1);
      sum += (line[Math.min(len - 1, k + r + 1)] ?? 0) - (line[Math.max(0, k - r)] ?? 0);
    }
  });
}

/** Runs `filter` on every row (or column) of each colour channel: it reads `line`, writes `out`. */
function eachLine(
  f: Frame,
  horizontal: boolean,
  filter: (line: Float64Array, out: Float64Array) => void,
): void {
  const { data, width, height } = f;
  const lines = horizontal ? height : width;
  const len = horizontal ? width : height;
  const step = horizontal ? 4 : width * 4;
  const line = new Float64Array(len);
  const out = new Float64Array(len);
  for (let l = 0; l < lines; l++) {
    const base = horizontal ? l * width * 4 : l * 4;
    for (let c = 0; c < 3; c++) {
      for (let k = 0; k < len; k++) line[k] = data[base + k * step + c] ?? 0;
      filter(line, out);
      for (let k = 0; k < len; k++) data[base + k * step + c] = out[k] ?? 0;
    }
  }
}

/** A standard normal deviate (Box–Muller). */
export function gaussian(rng: SeededRandom): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
