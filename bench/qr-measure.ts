import { readBarcodes } from 'zxing-wasm/reader';
import { decodeFrame, LARGE_FRAME } from '../qr-decoder/decode-frame';
import { codeRegions } from '../qr-decoder/code-regions';
import { findFinderSpots } from '../qr-decoder/finder-gate';
import { loadLuminance, planeBytes, zxingModule } from '../qr-decoder/zxing-pixmap';
import type { Frame } from '../qr-decoder/types';
import type { CorpusFrame } from '../test-support/qr/corpus';

// One corpus frame through each decoder, timed in the same process on the same pixels, the
// decoders interleaved (their order alternating from one repeat to the next) so that a burst of
// load from other processes falls on both alike:
// - keyfob: decodeFrame, thorough (stills, screens);
// - live: decodeFrame, fast (what the webcam loop asks for each frame);
// - zxing: plain zxing-wasm, readBarcodes with tryHarder (its defaults: local-average binarizer,
//   inverted and downscaled tries) on the raw RGBA frame — what an app without Keyfob's passes does.

/** The decoders compared. */
export const DECODERS = ['keyfob', 'live', 'zxing'] as const;
/** One of {@link DECODERS}. */
export type Decoder = (typeof DECODERS)[number];

/** What one frame gave each decoder. */
export interface Sample {
  frame: Omit<CorpusFrame, 'frame' | 'code'>;
  times: Partial<Record<Decoder, number[]>>;
  found: Partial<Record<Decoder, boolean>>;
  /** Decoded texts other than the one encoded (any text at all from a frame without a code). */
  wrong: Partial<Record<Decoder, number>>;
  /** The finder gate put the code inside a region it picked (frames with a code only). */
  gated?: boolean;
}

/** Whether the finder gate keeps the frame's code: its centre inside one of the regions decodeFrame would search. */
async function gateKeeps(c: CorpusFrame): Promise<boolean> {
  if (c.code === undefined) return false;
  const m = await zxingModule();
  const { width, height } = c.frame;
  const spots = findFinderSpots(planeBytes(m, loadLuminance(m, c.frame)), width, height);
  const regions = codeRegions(spots, width, height, { minSpots: width * height > LARGE_FRAME ? 2 : 1 });
  const x = (c.code[0].x + c.code[2].x) / 2;
  const y = (c.code[0].y + c.code[2].y) / 2;
  return regions.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
}

async function texts(decoder: Decoder, frame: Frame): Promise<string[]> {
  if (decoder === 'zxing') {
    // zxing-wasm's types ask for a DOM ImageData; it only reads data, width and height.
    const results = await readBarcodes(frame as unknown as ImageData, {
      tryHarder: true,
      formats: ['QRCode'],
    });
    return results.filter((r) => r.isValid).map((r) => r.text);
  }
  const outcome = await decodeFrame(frame, decoder === 'live' ? 'fast' : 'thorough');
  return outcome.codes.map((c) => c.text);
}

/** Times `decoders` on a frame `repeats` times each, interleaved; scores the last run of each. */
export async function measure(
  c: CorpusFrame,
  decoders: readonly Decoder[],
  repeats: number,
): Promise<Sample> {
  const { frame, code: _code, ...meta } = c;
  const sample: Sample = { frame: meta, times: {}, found: {}, wrong: {} };
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? decoders : [...decoders].reverse();
    for (const d of order) {
      const t0 = performance.now();
      const got = await texts(d, frame);
      (sample.times[d] ??= []).push(performance.now() - t0);
      sample.found[d] = c.expected !== undefined && got.includes(c.expected);
      sample.wrong[d] = got.filter((t) => t !== c.expected).length;
    }
  }
  if (c.expected !== undefined) sample.gated = await gateKeeps(c);
  return sample;
}
