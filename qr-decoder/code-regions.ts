import type { FinderSpot } from './finder-gate';

// From the finder gate's spots to the regions of a frame worth a thorough look (decode-frame.ts).

/** Spots this many modules apart (or closer) belong to one code: a code's data makes spots all over it. */
const LINK = 25;
/** Rows crossing a region's spots, at least: fewer is what sensor noise and text make. */
const MIN_SCORE = 3;

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
 * Groups spots into regions worth a thorough look, strongest first, at most `most`. Spots close
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
