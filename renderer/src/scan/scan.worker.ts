/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { decodeFrame, setZxingWasm, warmUpZxing, type FoundCode } from '../../../qr-decoder';
import { imageSize } from '../../../qr-decoder/image-header';
import {
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  tooLargeImage,
  tooManyPixels,
} from '../../../qr-decoder/image-limits';
import { holdsKey, notAKey } from '../../../shared/text-kind';
import type { ScanImage, ScanReply, ScanRequest, ScanResult } from './scan-messages';

// Decoding happens here, off the UI thread: zxing-wasm loaded from the app's own files (the CSP
// allows 'wasm-unsafe-eval'), frames drawn onto an OffscreenCanvas. A key or transfer code is told
// from other text by its scheme only; what it holds is main's business (scan:submit): main parses
// the text, collects transfers, and keeps the seeds. So neither the code engine nor protobuf is
// bundled into this worker.

declare const self: DedicatedWorkerGlobalScope;

setZxingWasm({ url: wasmUrl });
const ready = warmUpZxing().catch(() => undefined);

/** Why an image is refused before its pixels are decoded (too big a file, too many pixels). */
class Refused extends Error {}

/**
 * A file's size and its header's dimensions are checked before the browser decodes it, so a
 * decompression bomb never reaches createImageBitmap; the decoded size is checked again for
 * formats whose header image-header.ts cannot read.
 */
async function pixels(image: ScanImage): Promise<ImageData> {
  if (image instanceof Blob) {
    if (image.size > MAX_IMAGE_BYTES) throw new Refused(tooLargeImage(image.size));
    // The whole file (at most MAX_IMAGE_BYTES): a JPEG's frame header may follow large EXIF blocks.
    const claimed = imageSize(new Uint8Array(await image.arrayBuffer()));
    if (claimed !== undefined && claimed.width * claimed.height > MAX_IMAGE_PIXELS)
      throw new Refused(tooManyPixels(claimed.width, claimed.height));
  }
  const bitmap = image instanceof Blob ? await createImageBitmap(image) : image;
  const [width, height] =
    bitmap instanceof ImageBitmap
      ? [bitmap.width, bitmap.height]
      : [bitmap.displayWidth, bitmap.displayHeight];
  try {
    if (width * height > MAX_IMAGE_PIXELS) throw new Refused(tooManyPixels(width, height));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

/** Picks the code to act on: a key or transfer code first, otherwise the first thing found. */
function pick(codes: FoundCode[]): FoundCode | undefined {
  return codes.find((c) => holdsKey(c.kind)) ?? codes[0];
}

function describe({ kind, text, corners }: FoundCode, width: number, height: number): ScanResult {
  if (holdsKey(kind)) return { kind: 'code', text: text.trim(), corners, width, height };
  return { kind: 'other', message: notAKey(kind), corners, width, height };
}

async function decode(image: ScanImage, effort: 'fast' | 'thorough'): Promise<ScanResult> {
  let frame: ImageData;
  try {
    frame = await pixels(image);
  } catch (e) {
    if (e instanceof Refused) return { kind: 'error', message: e.message };
    return {
      kind: 'error',
      message: 'This file is not an image Keyfob can read (PNG, JPEG, WebP, BMP or GIF).',
    };
  }
  await ready;
  const outcome = await decodeFrame(frame, effort);
  const found = pick(outcome.codes);
  if (found !== undefined) return describe(found, frame.width, frame.height);
  return { kind: 'none', width: frame.width, height: frame.height };
}

self.onmessage = (event: MessageEvent<ScanRequest>) => {
  const request = event.data;
  const reply = (result: ScanResult) => self.postMessage({ id: request.id, result } satisfies ScanReply);
  decode(request.image, request.effort).then(reply, () =>
    reply({ kind: 'error', message: 'The image could not be decoded.' }),
  );
};
