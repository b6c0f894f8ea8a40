// The finder-pattern gate: a cheap look for the QR finder pattern (the 7×7-module square in three
// corners of every code) before the expensive passes run. It reads the luminance plane the decoder
// already built, every 2nd or 3rd row, binarised against a local threshold with hysteresis, and
// keeps each run of dark-light-dark-light-dark in about 1:1:3:1:1 whose column shows the same.
// It is deliberately looser than zxing's own detector (wider ratio tolerance, a threshold that
// survives blur down to where the code is unreadable anyway): a false spot only costs a pass on a
// small region, a missed one would lose a code. Light-on-dark codes give the same runs inverted.

import { BLOCK, blockThresholds, type Thresholds } from './block-thresholds';

/** A spot that looks like the centre of a finder pattern. */
export interface FinderSpot {
  x: number;
  y: number;
  /** Estimated module size in px (the pattern is 7 modules across). */
  module: number;
  /** Light modules on dark. */
  inverted: boolean;
  /** How many scanned rows crossed it. */
  hits: number;
}

/** True when five runs (outer, gap, centre, gap, outer) are close enough to 1:1:3:1:1. */
function finderRatio(a: number, b: number, c: number, d: number, e: number): boolean {
  const total = a + b + c + d + e;
  if (total < 10) return false; // modules under 1.4 px: no decoder reads those
  const unit = total / 7;
  const one = (r: number) => r > 0.35 * unit && r < 1.9 * unit;
  return one(a) && one(b) && one(d) && one(e) && c > 1.9 * unit && c < 4.9 * unit;
}

/** A luminance plane (one byte a pixel, row after row) and its thresholds. */
interface Gated {
  lum: Uint8Array;
  width: number;
  height: number;
  t: Thresholds;
}

/**
 * Every finder-pattern-like spot in a luminance plane (one byte a pixel, row after row), merged so
 * each pattern appears once, strongest first.
 */
export function findFinderSpots(lum: Uint8Array, width: number, height: number): FinderSpot[] {
  if (width < 16 || height < 16) return [];
  const g: Gated = { lum, width, height, t: blockThresholds(lum, width, height) };
  const step = width * height > 1_500_000 ? 3 : 2;
  const found: FinderSpot[] = [];
  for (let y = 0; y < height - 1; y += step) scanRow(g, y, found);
  return merge(found);
}

/**
 * Looks along row `y` for runs in about 1:1:3:1:1 and keeps those whose column agrees. Block by
 * block: a flat block (its band wider than any pixel) cannot end a run, so it is stepped over.
 */
function scanRow(g: Gated, y: number, found: FinderSpot[]): void {
  const { lum, width, t } = g;
  const row = y * width;
  const blocks = (y >> 3) * t.columns;
  // 2×2 means (halving sensor noise, keeping 2 px modules) from a running pair of column sums.
  // Without grain (a screenshot) the row below adds nothing but memory traffic: read this one twice.
  const below = t.noise === 0 ? row : row + width;
  let dark = false;
  let start = 0;
  let count = 0; // runs completed on this row
  // The last five runs, oldest first.
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  let r4 = 0;
  let r5 = 0;
  let previous = (lum[row] ?? 0) + (lum[below] ?? 0);
  for (let bx = 0, x0 = 0; x0 < width; bx++, x0 += BLOCK) {
    const x1 = Math.min(width, x0 + BLOCK);
    const high = t.high[blocks + bx] ?? 0;
    const low = t.low[blocks + bx] ?? 0;
    if (high > 255) {
      previous = (lum[row + x1 - 1] ?? 0) + (lum[below + x1 - 1] ?? 0);
      continue;
    }
    for (let x = Math.max(1, x0); x < x1; x++) {
      const pair = (lum[row + x] ?? 0) + (lum[below + x] ?? 0);
      const v = (previous + pair) >> 2;
      previous = pair;
      if (dark ? v <= high : v >= low) continue;
      r1 = r2;
      r2 = r3;
      r3 = r4;
      r4 = r5;
      r5 = x - start;
      start = x;
      count++;
      dark = !dark;
      if (count < 6 || !finderRatio(r1, r2, r3, r4, r5)) continue;
      // The run that just ended had the colour `dark` had before the flip; the centre run, two
      // before it, the same: so its colour is the opposite of the new state. (The first run of a
      // row starts at its edge, so only the sixth and later complete five whole runs.)
      const centreDark = !dark;
      const cx = x - r5 - r4 - r3 / 2;
      const size = r1 + r2 + r3 + r4 + r5;
      if (columnAgrees(g, Math.round(cx), y, size, centreDark))
        found.push({ x: cx, y, module: size / 7, inverted: !centreDark, hits: 1 });
    }
  }
}

/** Binarises one column around (x, y) with the same thresholds and checks the 1:1:3:1:1 there too. */
function columnAgrees(g: Gated, x: number, y: number, size: number, centreDark: boolean): boolean {
  const reach = Math.ceil(size * 1.3);
  const up = columnRuns(g, x, y, -1, reach, centreDark);
  const down = columnRuns(g, x, y, 1, reach, centreDark);
  if (up === undefined || down === undefined) return false;
  const total = up[0] + up[1] + up[2] + down[0] + down[1] + down[2];
  if (total < size * 0.5 || total > size * 2) return false;
  return finderRatio(up[2], up[1], up[0] + down[0], down[1], down[2]);
}

/** The first three run lengths walking from (x, y) in direction `dy`: centre part, gap, outer ring. */
function columnRuns(
  { lum, width, height, t }: Gated,
  x: number,
  y: number,
  dy: number,
  reach: number,
  centreDark: boolean,
): [number, number, number] | undefined {
  const lengths: [number, number, number] = [0, 0, 0];
  let k = 0;
  let dark = centreDark;
  for (let yy = y, n = 0; n < reach; yy += dy, n++) {
    if (yy < 0 || yy >= height) return k === 2 ? lengths : undefined;
    const v = lum[yy * width + x] ?? 0;
    const b = (yy >> 3) * t.columns + (x >> 3);
    if (dark ? v > (t.high[b] ?? 0) : v < (t.low[b] ?? 0)) {
      dark = !dark;
      k++;
      if (k === 3) return lengths;
    }
    lengths[k] = (lengths[k] ?? 0) + 1;
  }
  return undefined;
}

/** Merges spots of one pattern (seen on several rows) into one, averaging where they were seen. */
function merge(spots: FinderSpot[]): FinderSpot[] {
  const out: FinderSpot[] = [];
  for (const s of spots) {
    const same = out.find(
      (o) =>
        o.inverted === s.inverted &&
        Math.abs(o.x - s.x) < 2 * o.module &&
        Math.abs(o.y - s.y) < 3.5 * o.module &&
        s.module < 2 * o.module &&
        o.module < 2 * s.module,
    );
    if (same === undefined) {
      out.push({ ...s });
      continue;
    }
    const n = same.hits;
    same.x = (same.x * n + s.x) / (n + 1);
    same.y = (same.y * n + s.y) / (n + 1);
    same.module = (same.module * n + s.module) / (n + 1);
    same.hits = n + 1;
  }
  return out.sort((a, b) => b.hits - a.hits);
}
