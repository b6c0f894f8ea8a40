import type { ZXingReadResult } from 'zxing-wasm/reader';
import { classifyQrText } from './classify';
import type { DecodeOutcome, Frame, QrCorners } from './types';
import { loadLuminance, readPixmap, zxingModule, type PassOptions } from './zxing-pixmap';

// Passes, tried in order until one finds a key or a transfer code; chosen with bench/qr-bench.ts
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
 * classifies what they hold. Codes whose text claims to be a key or transfer code but does not
 * parse are listed under `implausible` and never under `codes`. Pure of DOM and Node: runs in a
 * Web Worker and in the CLI alike, once `useZxingWasm` has said where the .wasm is.
 */
export async function decodeFrame(
  frame: Frame,
  effort: DecodeEffort | PassOptions[] = 'thorough',
): Promise<DecodeOutcome> {
  if (frame.width < 1 || frame.height < 1) return { codes: [], implausible: [] };
  const passes = Array.isArray(effort) ? effort : passesFor(frame.width, frame.height, effort);
  const m = await zxingModule();
  loadLuminance(m, frame);
  const results: ZXingReadResult[] = [];
  let outcome: DecodeOutcome = { codes: [], implausible: [] };
  for (const pass of passes) {
    results.push(...readPixmap(m, frame.width, frame.height, pass));
    outcome = toOutcome(results);
    if (outcome.codes.some((c) => c.payload.kind === 'otpauth' || c.payload.kind === 'migration')) break;
  }
  return outcome;
}

/** The fields of a zxing result (pixmap or public API) that an outcome needs. */
type Result = Pick<ZXingReadResult, 'isValid' | 'text' | 'position' | 'isInverted'>;

/** Classifies zxing's results, dropping repeats of one symbol (found in several passes or layers). */
export function toOutcome(results: Result[]): DecodeOutcome {
  const outcome: DecodeOutcome = { codes: [], implausible: [] };
  const seen = new Set<string>();
  for (const r of results) {
    if (!r.isValid || seen.has(r.text)) continue;
    seen.add(r.text);
    const corners = cornersOf(r);
    const payload = classifyQrText(r.text);
    if (payload.kind === 'implausible')
      outcome.implausible.push({ text: r.text, corners, message: payload.message });
    else outcome.codes.push({ text: r.text, corners, inverted: r.isInverted, payload });
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
