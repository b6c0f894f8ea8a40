// The finder-pattern gate: a cheap look for the QR finder pattern (the 7×7-module square in three
// corners of every code) before the expensive passes run. It reads the luminance plane the decoder
// already built, every 2nd or 3rd row, binarised against a local threshold with hysteresis, and
// keeps each run of dark-light-dark-light-dark in about 1:1:3:1:1 whose column shows the same.
// It is deliberately looser than zxing's own detector (wider ratio tolerance, a threshold that
// survives blur down to where the code is unreadable anyway): a false spot only costs a pass on a
// small region, a missed one would lose a code. Light-on-dark codes give the same runs inverted.

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

const BLOCK = 8;
/** Spots this many modules apart (or closer) belong to one code: a code's data makes spots all over it. */
const LINK = 25;
/** Rows crossing a region's spots, at least: fewer is what sensor noise and text make. */
const MIN_SCORE = 3;
/** Below this contrast (max − min) around a pixel there is nothing to binarise: the state holds. */
const FLAT = 16;

/** Local thresholds per 8×8 block: the mean of the 5×5 blocks around it, and a hysteresis band. */
interface Thresholds {
  columns: number;
  /** A pixel below `low` turns a light run dark, one above `high` a dark run light. */
  low: Int16Array;
  high: Int16Array;
  /** The frame's grain (0 on a screenshot). */
  noise: number;
}

/** Per block: the mean of its samples, and their min and max. */
interface BlockStats {
  mean: Float32Array;
  lo: Uint8Array;
  hi: Uint8Array;
}

const blockStats = (n: number): BlockStats => ({
  mean: new Float32Array(n),
  lo: new Uint8Array(n),
  hi: new Uint8Array(n),
});

function blockThresholds(lum: Uint8Array, width: number, height: number): Thresholds {
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const n = columns * rows;
  const block = blockStats(n);
  const { mean, lo, hi } = block;
  // Four pixels a block (rows 1 and 5, columns 1 and 5): its level, not its detail; the 5×5
  // neighbourhood below averages a hundred of them.
  for (let by = 0; by < rows; by++) {
    const y0 = Math.min(height - 1, by * BLOCK + 1);
    const y1 = Math.min(height - 1, by * BLOCK + 5);
    for (let bx = 0; bx < columns; bx++) {
      const x0 = Math.min(width - 1, bx * BLOCK + 1);
      const x1 = Math.min(width - 1, bx * BLOCK + 5);
      const a = lum[y0 * width + x0] ?? 0;
      const b = lum[y0 * width + x1] ?? 0;
      const c = lum[y1 * width + x0] ?? 0;
      const d = lum[y1 * width + x1] ?? 0;
      const k = by * columns + bx;
      mean[k] = (a + b + c + d) / 4;
      lo[k] = Math.min(a, b, c, d);
      hi[k] = Math.max(a, b, c, d);
    }
  }
  // 5×5 block neighbourhoods, one axis at a time.
  const across = blockStats(n);
  acrossRows(block, across, columns, rows);
  const area = blockStats(n);
  downColumns(across, area, columns, rows);
  const noise = noiseLevel(lo, hi);
  const low = new Int16Array(n);
  const high = new Int16Array(n);
  for (let b = 0; b < n; b++) {
    const contrast = (area.hi[b] ?? 0) - (area.lo[b] ?? 0);
    const level = area.mean[b] ?? 0;
    // Flat surroundings get a band no pixel leaves, so sensor noise makes no runs there; elsewhere
    // the band is a sixteenth of the local contrast (a blurred ring is not much more), and never narrower than the sensor's grain.
    const margin = contrast < FLAT + 2 * noise ? 512 : Math.max(2, noise, contrast >> 4);
    low[b] = level - margin;
    high[b] = level + margin;
  }
  return { columns, low, high, noise };
}

/**
 * The frame's grain: half the median spread of the four samples of a block. Most blocks of a
 * frame hold no edge, so their spread is noise (zero on a screenshot).
 */
function noiseLevel(lo: Uint8Array, hi: Uint8Array): number {
  const histogram = new Uint32Array(256);
  for (let b = 0; b < lo.length; b++) {
    const spread = (hi[b] ?? 0) - (lo[b] ?? 0);
    histogram[spread] = (histogram[spread] ?? 0) + 1;
  }
  let seen = 0;
  for (let spread = 0; spread < 256; spread++) {
    seen += histogram[spread] ?? 0;
    if (seen * 2 >= lo.length) return spread >> 1;
  }
  return 0;
}

/** Mean, min and max of each block and its 2 neighbours either side within its row of blocks. */
function acrossRows(src: BlockStats, out: BlockStats, columns: number, rows: number): void {
  const { mean, lo, hi } = src;
  for (let r = 0; r < rows; r++) {
    const base = r * columns;
    for (let k = 0; k < columns; k++) {
      const from = base + Math.max(0, k - 2);
      const to = base + Math.min(columns - 1, k + 2);
      let sum = 0;
      let min = 255;
      let max = 0;
      for (let b = from; b <= to; b++) {
        sum += mean[b] ?? 0;
        const l = lo[b] ?? 0;
        const h = hi[b] ?? 0;
        if (l < min) min = l;
        if (h > max) max = h;
      }
      out.mean[base + k] = sum / (to - from + 1);
      out.lo[base + k] = min;
      out.hi[base + k] = max;
    }
  }
}

/** The same down the columns of blocks, a whole row of blocks at a time (memory read in order). */
function downColumns(src: BlockStats, out: BlockStats, columns: number, rows: number): void {
  const { mean, lo, hi } = src;
  const sum = new Float32Array(columns);
  const min = new Uint8Array(columns);
  const max = new Uint8Array(columns);
  for (let r = 0; r < rows; r++) {
    const from = Math.max(0, r - 2);
    const to = Math.min(rows - 1, r + 2);
    sum.fill(0);
    min.fill(255);
    max.fill(0);
    for (let j = from; j <= to; j++) {
      const row = j * columns;
      for (let c = 0; c < columns; c++) {
        sum[c] = (sum[c] ?? 0) + (mean[row + c] ?? 0);
        const l = lo[row + c] ?? 0;
        const h = hi[row + c] ?? 0;
        if (l < (min[c] ?? 0)) min[c] = l;
        if (h > (max[c] ?? 0)) max[c] = h;
      }
    }
    const n = to - from + 1;
    const base = r * columns;
    for (let c = 0; c < columns; c++) sum[c] = (sum[c] ?? 0) / n;
    out.mean.set(sum, base);
    out.lo.set(min, base);
    out.hi.set(max, base);
  }
}

/** True when five runs (outer, gap, centre, gap, outer) are close enough to 1:1:3:1:1. */
function finderRatio(a: number, b: number, c: number, d: number, e: number): boolean {
  const total = a + b + c + d + e;
  if (total < 10) return false; // modules under 1.4 px: no decoder reads those
  const unit = total / 7;
  const one = (r: number) => r > 0.35 * unit && r < 1.9 * unit;
  return one(a) && one(b) && one(d) && one(e) && c > 1.9 * unit && c < 4.9 * unit;
}

/**
 * Every finder-pattern-like spot in a luminance plane (one byte a pixel, row after row), merged so
 * each pattern appears once, spotsest first.
 */
export function findFinderSpots(lum: Uint8Array, width: number, height: number): FinderSpot[] {
  if (width < 16 || height < 16) return [];
  const t = blockThresholds(lum, width, height);
  const step = width * height > 1_500_000 ? 3 : 2;
  const found: FinderSpot[] = [];
  for (let y = 0; y < height - 1; y += step) scanRow(lum, width, height, t, y, found);
  return merge(found);
}

/**
 * Looks along row `y` for runs in about 1:1:3:1:1 and keeps those whose column agrees. Block by
 * block: a flat block (its band wider than any pixel) cannot end a run, so it is stepped over.
 */
function scanRow(
  lum: Uint8Array,
  width: number,
  height: number,
  t: Thresholds,
  y: number,
  found: FinderSpot[],
): void {
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
      if (columnAgrees(lum, width, height, t, Math.round(cx), y, size, centreDark))
        found.push({ x: cx, y, module: size / 7, inverted: !centreDark, hits: 1 });
    }
  }
}

/** Binarises one column around (x, y) with the same thresholds and checks the 1:1:3:1:1 there too. */
function columnAgrees(
  lum: Uint8Array,
  width: number,
  height: number,
  t: Thresholds,
  x: number,
  y: number,
  size: number,
  centreDark: boolean,
): boolean {
  const reach = Math.ceil(size * 1.3);
  const up = columnRuns(lum, width, height, t, x, y, -1, reach, centreDark);
  const down = columnRuns(lum, width, height, t, x, y, 1, reach, centreDark);
  if (up === undefined || down === undefined) return false;
  const total = up[0] + up[1] + up[2] + down[0] + down[1] + down[2];
  if (total < size * 0.5 || total > size * 2) return false;
  return finderRatio(up[2], up[1], up[0] + down[0], down[1], down[2]);
}

/** The first three run lengths walking from (x, y) in direction `dy`: centre part, gap, outer ring. */
function columnRuns(
  lum: Uint8Array,
  width: number,
  height: number,
  t: Thresholds,
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

/** A part of the frame that may hold a code: where its finder-like spots are, with a margin. */
export interface CodeRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Module size estimated from its spots, in px. */
  module: number;
  inverted: boolean;
  /** Rows that crossed a finder-like spot in it: more is likelier a code. */
  score: number;
}

/**
 * Groups spots into regions worth a thorough look, spotsest first, at most `most`. Spots close
 * together at one scale and polarity are one code (its data modules make finder-like runs too, so
 * they chain across it); a group crossed by fewer than three scanned rows in all is what sensor
 * noise and text make. `minSpots` 2 drops lone spots: on a screenshot a single finder-like spot is
 * a window's decoration, not a code, whose three finders and data show several.
 */
export function codeRegions(
  spots: FinderSpot[],
  width: number,
  height: number,
  { most = 3, minSpots = 1 }: { most?: number; minSpots?: number } = {},
): CodeRegion[] {
  const group = spots.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (group[r] !== r) r = group[r] ?? r;
    return r;
  };
  for (let i = 0; i < spots.length; i++) {
    for (let j = i + 1; j < spots.length; j++) {
      const a = spots[i];
      const b = spots[j];
      if (a === undefined || b === undefined || a.inverted !== b.inverted) continue;
      const m = Math.max(a.module, b.module);
      if (m > 1.8 * Math.min(a.module, b.module)) continue;
      if (Math.hypot(a.x - b.x, a.y - b.y) <= LINK * m) group[root(j)] = root(i);
    }
  }
  const groups = new Map<number, FinderSpot[]>();
  spots.forEach((s, i) => {
    const members = groups.get(root(i));
    if (members === undefined) groups.set(root(i), [s]);
    else members.push(s);
  });
  const regions: CodeRegion[] = [];
  for (const members of groups.values()) {
    const score = members.reduce((n, s) => n + s.hits, 0);
    if (score < MIN_SCORE || members.length < minSpots) continue;
    const module = lowModule(members);
    // A square around the spots, with room for a turned code's corners; around one spot alone,
    // room for a code of up to version 20 in any direction from it.
    const xs = members.map((s) => s.x);
    const ys = members.map((s) => s.y);
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const half =
      members.length === 1 ? 100 * module : 0.65 * Math.max(right - left, bottom - top) + 8 * module;
    const x0 = Math.max(0, Math.floor((left + right) / 2 - half));
    const y0 = Math.max(0, Math.floor((top + bottom) / 2 - half));
    const x1 = Math.min(width, Math.ceil((left + right) / 2 + half));
    const y1 = Math.min(height, Math.ceil((top + bottom) / 2 + half));
    const inverted = members[0]?.inverted === true;
    regions.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, module, inverted, score });
  }
  return regions.sort((a, b) => b.score - a.score).slice(0, most);
}

/**
 * A group's module size: the 20th percentile of its spots' sizes, counted once per row that crossed
 * them. The finder patterns are the smallest 1:1:3:1:1 runs in a code; its data makes the same
 * ratio with wider units too (two modules, three), which pull a mean up.
 */
function lowModule(spots: FinderSpot[]): number {
  const sizes = spots.flatMap((s) => Array.from({ length: s.hits }, () => s.module)).sort((a, b) => a - b);
  return sizes[Math.floor(0.2 * (sizes.length - 1))] ?? 1;
}
