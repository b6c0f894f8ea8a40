import type { ZXingReadResult } from 'zxing-wasm/reader';
import { holdsKey, textKind } from '../shared/text-kind';
import type { DecodeOutcome, Frame, QrCorners } from './types';
import { loadLuminance, readPixmap, zxingModule, type PassOptions } from './zxing-pixmap';

// Passes, tried in order until one finds a key or a transfer code (told by its scheme); chosen with bench/qr-bench.ts
// (figures in docs/qr-decoder.md):
// - THRESHOLD (frames over 1.5 MP, i.e. screenshots): a fixed mid-grey threshold costs half of the
//   local-average binarizer on a 4K frame and reads every crisp screen code in the corpus;
// - FAST: full resolution (small codes in big frames need every pixel), local-average binarizer
//   (uneven light, low contrast), inverted codes tried, and stop at the first symbol — with more
//   allowed, zxing also scans the inverted image and downscaled copies after a hit;
// - THOROUGH, only when nothing usable was found: downscaled copies (they average away blur and
//   sensor noise), the morphological denoiser, and every symbol in the frame (a screen may show a
//   web link's QR beside the key's).

/** Fixed-threshold first pass for large, crisp frames. */
export const THRESHOLD_PASS: PassOptions = {
  binarizer: 'FixedThreshold',
  tryHarder: true,
  tryInvert: true,
  tryDownscale: false,
  tryDenoise: false,
  maxNumberOfSymbols: 1,
};

/** The cheap pass that reads most camera frames. */
export const FAST_PASS: PassOptions = { ...THRESHOLD_PASS, binarizer: 'LocalAverage' };

/** The fallback pass. */
export const THOROUGH_PASS: PassOptions = {
  ...FAST_PASS,
  tryDownscale: true,
  tryDenoise: true,
  maxNumberOfSymbols: 8,
};

/** Frames above this many pixels start with {@link THRESHOLD_PASS}. */
const LARGE_FRAME = 1_500_000;

/** How hard to try: `fast` for live video (the next frame comes soon), `thorough` for stills. */
export type DecodeEffort = 'fast' | 'thorough';

/** The passes {@link decodeFrame} runs for a frame of this size. */
export function passesFor(width: number, height: number, effort: DecodeEffort = 'thorough'): PassOptions[] {
  const first = width * height > LARGE_FRAME ? [THRESHOLD_PASS, FAST_PASS] : [FAST_PASS];
  return effort === 'fast' ? first : [...first, THOROUGH_PASS];
}

/**
 * Finds QR codes anywhere in an RGBA frame (webcam frame, screen capture, decoded image file) and
 * tells by its scheme what each holds. Pure of DOM and Node: runs in a Web Worker and in main and
 * the CLI alike, once `setZxingWasm` has said where the .wasm is.
 */
export async function decodeFrame(
  frame: Frame,
  effort: DecodeEffort | PassOptions[] = 'thorough',
): Promise<DecodeOutcome> {
  if (frame.width < 1 || frame.height < 1) return { codes: [] };
  const passes = Array.isArray(effort) ? effort : passesFor(frame.width, frame.height, effort);
  const m = await zxingModule();
  loadLuminance(m, frame);
  const results: ZXingReadResult[] = [];
  let outcome: DecodeOutcome = { codes: [] };
  for (const pass of passes) {
    results.push(...readPixmap(m, frame.width, frame.height, pass));
    outcome = toOutcome(results);
    if (outcome.codes.some((c) => holdsKey(c.kind))) break;
  }
  return outcome;
}

/** The fields of a zxing result (pixmap or public API) that an outcome needs. */
type Result = Pick<ZXingReadResult, 'isValid' | 'text' | 'position' | 'isInverted'>;

/** zxing's results as found codes, dropping repeats of one symbol (found in several passes or layers). */
export function toOutcome(results: Result[]): DecodeOutcome {
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

function cornersOf(r: Result): QrCorners {
  const { topLeft, topRight, bottomRight, bottomLeft } = r.position;
  const p = (q: { x: number; y: number }) => ({ x: q.x, y: q.y });
  return {
    topLeft: p(topLeft),
    topRight: p(topRight),
    bottomRight: p(bottomRight),
    bottomLeft: p(bottomLeft),
  };
}
