import { holdsKey, textKind } from '../shared/text-kind';
import { codeRegions, type CodeRegion } from './code-regions';
import { findFinderSpots } from './finder-gate';
import type { RegionResult } from './region-passes';
import { searchRegion } from './region-search';
import type { DecodeOutcome, Frame, QrCorners } from './types';
import { loadLuminance, planeBytes, readPlane, zxingModule, type PassOptions } from './zxing-pixmap';

// The passes, chosen with bench/qr-bench.ts (figures and reasons in docs/qr-decoder.md):
// 1. One pass over the whole frame that reads most frames by itself, dark-on-light codes only
//    (trying the inverted image too would double its cost on every frame): a fixed threshold for
//    large frames (screenshots: crisp, and a fixed threshold costs half of the local-average
//    binarizer), zxing's local-average binarizer for camera-sized frames.
// 2. The finder gate (finder-gate.ts): where does anything look like a finder pattern? Nowhere
//    — the common case of a screen or a webcam view without a code — and decoding ends here, so
//    a frame without a code costs about what one zxing pass costs.
// 3. On each region the gate found (at most three, strongest first): zxing's thorough options
//    (inverted codes, downscaled copies that average noise away, its denoiser, several symbols),
//    then the region sharpened at its module size, then smoothed and sharpened (blur with noise).
// Passes stop as soon as a key or a transfer code (told by its scheme) has been read.

/** Fixed-threshold first pass for large, crisp frames; light-on-dark codes are left to the gate's regions. */
export const THRESHOLD_PASS: PassOptions = {
  binarizer: 'FixedThreshold',
  tryHarder: true,
  tryInvert: false,
  tryDownscale: false,
  tryDenoise: false,
  maxNumberOfSymbols: 1,
};

/** The first pass for camera-sized frames. */
export const FAST_PASS: PassOptions = { ...THRESHOLD_PASS, binarizer: 'LocalAverage' };

/** Frames above this many pixels (screenshots) start with {@link THRESHOLD_PASS}. */
export const LARGE_FRAME = 1_500_000;

/**
 * How hard to try: `fast` for live video (the next frame comes soon: two regions), `thorough` for
 * stills and screens (up to three regions).
 */
export type DecodeEffort = 'fast' | 'thorough';

/** The whole-frame pass {@link decodeFrame} starts with for a frame of this size. */
export function firstPassFor(width: number, height: number): PassOptions {
  return width * height > LARGE_FRAME ? THRESHOLD_PASS : FAST_PASS;
}

/**
 * Finds QR codes anywhere in an RGBA (or BGRA) frame — webcam frame, screen capture, decoded image
 * file — and tells by its scheme what each holds. Pure of DOM and Node: runs in a Web Worker, a
 * worker thread and the CLI alike, once `setZxingWasm` has said where the .wasm is.
 */
export async function decodeFrame(frame: Frame, effort: DecodeEffort = 'thorough'): Promise<DecodeOutcome> {
  if (frame.width < 1 || frame.height < 1) return { codes: [] };
  const m = await zxingModule();
  const plane = loadLuminance(m, frame);
  const results: RegionResult[] = readPlane(m, plane, firstPassFor(frame.width, frame.height));
  let outcome = toOutcome(results);
  if (outcome.codes.some((c) => holdsKey(c.kind))) return outcome;
  const spots = findFinderSpots(planeBytes(m, plane), frame.width, frame.height);
  const small = frame.width * frame.height <= LARGE_FRAME;
  const regions = codeRegions(spots, frame.width, frame.height, {
    most: effort === 'fast' ? 2 : 3,
    minSpots: small ? 1 : 2,
  });
  for (const region of regions) {
    // A region holding a code already read is still searched once (its thorough pass reads every
    // symbol in it): a web link's code beside a key's chains into one region with it.
    const done = (found: RegionResult[]): boolean => {
      const codes = toOutcome([...results, ...found]).codes;
      return codes.some((c) => holdsKey(c.kind) || inside(c.corners, region));
    };
    results.push(...searchRegion(m, plane, region, small, done));
    outcome = toOutcome(results);
    if (outcome.codes.some((c) => holdsKey(c.kind))) return outcome;
  }
  return outcome;
}

/** True when the centre of a found code lies in the region. */
function inside(c: QrCorners, r: CodeRegion): boolean {
  const x = (c.topLeft.x + c.bottomRight.x) / 2;
  const y = (c.topLeft.y + c.bottomRight.y) / 2;
  return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
}

/** zxing's results as found codes, dropping repeats of one symbol (found in several passes or layers). */
export function toOutcome(results: RegionResult[]): DecodeOutcome {
  const outcome: DecodeOutcome = { codes: [] };
  const seen = new Set<string>();
  for (const r of results) {
    if (!r.isValid || seen.has(r.text)) continue;
    seen.add(r.text);
    outcome.codes.push({
      text: r.text,
      corners: cornersOf(r),
      inverted: r.isInverted,
      kind: textKind(r.text),
    });
  }
  return outcome;
}

function cornersOf(r: RegionResult): QrCorners {
  const { topLeft, topRight, bottomRight, bottomLeft } = r.position;
  const p = (q: { x: number; y: number }) => ({ x: q.x, y: q.y });
  return {
    topLeft: p(topLeft),
    topRight: p(topRight),
    bottomRight: p(bottomRight),
    bottomLeft: p(bottomLeft),
  };
}
