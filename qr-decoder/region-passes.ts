import type { ZXingReadResult } from 'zxing-wasm/reader';
import type { CodeRegion } from './code-regions';
import { filterPlane, type Filter } from './sharpen';
import {
  planeBytes,
  readPlane,
  scratchPlane,
  type PassOptions,
  type Plane,
  type ReaderModule,
} from './zxing-pixmap';

// The passes that run on one region the finder gate picked, cut out of the frame's luminance into
// the scratch plane (shrunk to 800 px a side at most: cost stays bounded for a huge code in a
// photo): zxing's thorough options first, then, for blur, the region sharpened at its module
// size. A region is a small part of a screenshot, so these cost little where a whole-frame pass
// would cost most of a frame's budget.

/** A zxing result's fields an outcome needs, with the position in frame coordinates. */
export type RegionResult = Pick<ZXingReadResult, 'isValid' | 'text' | 'position' | 'isInverted' | 'version'>;

/** Cuts `r` out of the frame plane into the scratch plane, `shrink` pixels a side averaged into one. */
function cutRegion(m: ReaderModule, frame: Plane, r: CodeRegion, shrink: number): Plane {
  const width = Math.floor(r.width / shrink);
  const height = Math.floor(r.height / shrink);
  const plane = scratchPlane(m, width, height);
  const heap = m.HEAPU8; // after the allocation above
  if (shrink === 1) {
    for (let y = 0; y < height; y++) {
      const from = frame.ptr + (r.y + y) * frame.width + r.x;
      heap.copyWithin(plane.ptr + y * width, from, from + width);
    }
    return plane;
  }
  const area = shrink * shrink;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < shrink; dy++) {
        const row = frame.ptr + (r.y + y * shrink + dy) * frame.width + r.x + x * shrink;
        for (let dx = 0; dx < shrink; dx++) sum += heap[row + dx] ?? 0;
      }
      heap[plane.ptr + y * width + x] = sum / area;
    }
  }
  return plane;
}

/**
 * How much a region is shrunk: to at most 800 px a side, so a region around a huge code in a
 * photo costs what a webcam frame does (its modules stay large enough to read).
 */
function shrinkFor(r: CodeRegion): number {
  return Math.max(1, Math.ceil(Math.max(r.width, r.height) / MAX_SIDE));
}

const MAX_SIDE = 800;

/**
 * Runs zxing on a region, optionally filtered for codes of `module` px (the region's own estimate
 * unless told); results placed in the frame's coordinates.
 */
export function readRegion(
  m: ReaderModule,
  frame: Plane,
  r: CodeRegion,
  filter: Filter | undefined,
  pass: PassOptions,
  module = r.module,
): RegionResult[] {
  const shrink = shrinkFor(r);
  const plane = cutRegion(m, frame, r, shrink);
  if (filter !== undefined) {
    const bytes = planeBytes(m, plane);
    bytes.set(filterPlane(bytes, plane.width, plane.height, module / shrink, filter));
  }
  const at = (q: { x: number; y: number }) => ({ x: q.x * shrink + r.x, y: q.y * shrink + r.y });
  return readPlane(m, plane, pass).map((found) => {
    const p = found.position;
    return {
      isValid: found.isValid,
      text: found.text,
      isInverted: found.isInverted,
      version: found.version,
      position: {
        topLeft: at(p.topLeft),
        topRight: at(p.topRight),
        bottomRight: at(p.bottomRight),
        bottomLeft: at(p.bottomLeft),
      },
    };
  });
}

/**
 * The module size of a symbol zxing located but could not decode, from its corners and version
 * (a version-v QR code is 17 + 4v modules across); undefined when there was none.
 */
export function locatedModule(results: RegionResult[]): number | undefined {
  for (const r of results) {
    const version = Number(r.version);
    if (r.isValid || !Number.isInteger(version) || version < 1 || version > 40) continue;
    const { topLeft, topRight, bottomLeft } = r.position;
    const across = Math.hypot(topRight.x - topLeft.x, topRight.y - topLeft.y);
    const down = Math.hypot(bottomLeft.x - topLeft.x, bottomLeft.y - topLeft.y);
    return (across + down) / 2 / (17 + 4 * version);
  }
  return undefined;
}
