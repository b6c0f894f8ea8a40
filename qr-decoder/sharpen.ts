// Sharpening for blurred codes, sized in modules. zxing binarises each pixel against its
// neighbourhood, so when blur spreads a module over its neighbours a lone light module among dark
// ones ends up below the threshold and the symbol has more wrong bits than its error correction
// mends. An unsharp mask at half a module (out = in + k·(in − blur(in))) restores the contrast
// between neighbouring modules; with sensor noise, smoothing at a third of a module first keeps
// the mask from amplifying grain (together a band-pass at the module's scale). The strengths were
// chosen on the tuning half of the corpus; see docs/qr-decoder.md.

/** How a region is cleaned up before zxing reads it again. */
export type Filter = 'sharpen' | 'sharpen-hard' | 'denoise-sharpen';

/** Applies `filter` for codes of `module` px to a `width` × `height` luminance plane; a new plane. */
export function filterPlane(
  src: Uint8Array,
  width: number,
  height: number,
  module: number,
  filter: Filter,
): Uint8Array {
  const raw = new Float32Array(src.length);
  raw.set(src);
  const base = filter === 'denoise-sharpen' ? gaussian(raw, width, height, 0.3 * module) : raw;
  const amount = filter === 'sharpen' ? 3 : filter === 'sharpen-hard' ? 8 : 5;
  const soft = gaussian(base, width, height, 0.5 * module);
  const out = new Uint8Array(src.length);
  for (let i = 0; i < out.length; i++) {
    const v = (base[i] ?? 0) + amount * ((base[i] ?? 0) - (soft[i] ?? 0));
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return out;
}

/**
 * A Gaussian blur of `sigma` px: an exact kernel for small sigmas, three box blurs per axis
 * (running sums, constant cost per pixel) for larger ones. Vertical passes walk row after row
 * with a running value per column, so memory is read in order. @see W. Jarosz, "Fast Image Convolutions"
 */
export function gaussian(src: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const a = new Float32Array(src.length);
  a.set(src);
  const b = new Float32Array(src.length);
  if (sigma < 1.5) {
    const r = Math.max(1, Math.ceil(2.5 * sigma));
    const kernel = Float32Array.from({ length: 2 * r + 1 }, (_, k) =>
      Math.exp(-((k - r) ** 2) / (2 * sigma * sigma)),
    );
    const total = kernel.reduce((s, k) => s + k, 0);
    for (let k = 0; k < kernel.length; k++) kernel[k] = (kernel[k] ?? 0) / total;
    convolve(a, b, width, height, kernel);
    return a;
  }
  for (const r of boxRadii(sigma)) {
    boxRows(a, b, width, height, r);
    boxColumns(b, a, width, height, r);
  }
  return a;
}

/**
 * Radii of three box blurs whose variances add up closest to σ²: boxes of two neighbouring odd
 * widths, as many of the narrower as fit (a box of width w adds (w² − 1) / 12).
 */
function boxRadii(sigma: number): number[] {
  const ideal = Math.sqrt(4 * sigma * sigma + 1); // one width for all three passes
  const narrow = Math.max(1, Math.floor(ideal) % 2 === 0 ? Math.floor(ideal) - 1 : Math.floor(ideal));
  const wide = narrow + 2;
  const count = Math.round((12 * sigma * sigma - 3 * wide * wide + 3) / (narrow * narrow - wide * wide));
  const narrowCount = Math.min(3, Math.max(0, count));
  return [0, 1, 2].map((k) => ((k < narrowCount ? narrow : wide) - 1) / 2);
}

/** Rows then columns of `a` convolved with `kernel` (odd length, centred; edges repeated), `b` as scratch. */
function convolve(
  a: Float32Array,
  b: Float32Array,
  width: number,
  height: number,
  kernel: Float32Array,
): void {
  const r = (kernel.length - 1) >> 1;
  const line = new Float32Array(width + 2 * r);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    padRow(a, row, width, r, line);
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let j = 0; j < kernel.length; j++) sum += (kernel[j] ?? 0) * (line[x + j] ?? 0);
      b[row + x] = sum;
    }
  }
  // Columns row after row (memory read in order): each output row adds up the rows around it.
  a.fill(0);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let j = 0; j < kernel.length; j++) {
      const from = Math.min(height - 1, Math.max(0, y + j - r)) * width;
      const k = kernel[j] ?? 0;
      for (let x = 0; x < width; x++) a[row + x] = (a[row + x] ?? 0) + k * (b[from + x] ?? 0);
    }
  }
}

/** Copies one row of `src` into `line` between `r` repeats of its first and of its last value. */
function padRow(src: Float32Array, row: number, width: number, r: number, line: Float32Array): void {
  line.set(src.subarray(row, row + width), r);
  line.fill(src[row] ?? 0, 0, r);
  line.fill(src[row + width - 1] ?? 0, r + width);
}

/** Each row box-blurred with radius `r`: a running sum, its ends repeated. */
function boxRows(src: Float32Array, dst: Float32Array, width: number, height: number, r: number): void {
  const size = 2 * r + 1;
  const line = new Float32Array(width + size);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    padRow(src, row, width, r, line);
    let sum = 0;
    for (let k = 0; k < size; k++) sum += line[k] ?? 0;
    for (let x = 0; x < width; x++) {
      dst[row + x] = sum / size;
      sum += (line[x + size] ?? 0) - (line[x] ?? 0);
    }
  }
}

/** Each column box-blurred with radius `r`: one running sum per column, rows read in order. */
function boxColumns(src: Float32Array, dst: Float32Array, width: number, height: number, r: number): void {
  const size = 2 * r + 1;
  const sums = new Float32Array(width);
  const at = (y: number) => Math.min(height - 1, Math.max(0, y)) * width;
  for (let k = -r; k <= r; k++) {
    const from = at(k);
    for (let x = 0; x < width; x++) sums[x] = (sums[x] ?? 0) + (src[from + x] ?? 0);
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const add = at(y + r + 1);
    const drop = at(y - r);
    for (let x = 0; x < width; x++) {
      const sum = sums[x] ?? 0;
      dst[row + x] = sum / size;
      sums[x] = sum + (src[add + x] ?? 0) - (src[drop + x] ?? 0);
    }
  }
}
