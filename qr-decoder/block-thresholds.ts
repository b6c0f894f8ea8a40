// Local thresholds for the finder gate (finder-gate.ts): the luminance plane in 8×8 blocks, four
// samples a block, each block's threshold the mean of the 5×5 blocks around it with a hysteresis
// band, so a pixel must clearly cross it to turn a run from light to dark or back. Blocks whose
// surroundings are flat get a band no pixel leaves: nothing there can start a run.

/** Block side in px. */
export const BLOCK = 8;
/** Below this contrast (max − min) around a pixel there is nothing to binarise: the state holds. */
const FLAT = 16;

/** Local thresholds per 8×8 block: the mean of the 5×5 blocks around it, and a hysteresis band. */
export interface Thresholds {
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

/** Each block's hysteresis band and the frame's grain, from a luminance plane (one byte a pixel). */
export function blockThresholds(lum: Uint8Array, width: number, height: number): Thresholds {
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
