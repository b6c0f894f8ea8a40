/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { classifyQrText, decodeFrame, useZxingWasm, warmUpZxing, type FoundCode } from '../../../electron/qr';
import { MigrationCollector } from '../../../electron/import/migration-collector';
import type { ScanReply, ScanRequest, ScanResult } from './scan-messages';

// Decoding happens here, off the UI thread: zxing-wasm loaded from the app's own files (the CSP
// allows 'wasm-unsafe-eval'), frames drawn onto an OffscreenCanvas. A half-collected Google
// transfer lives here too, so the UI only learns the texts once the set is complete.

declare const self: DedicatedWorkerGlobalScope;

useZxingWasm({ url: wasmUrl });
const ready = warmUpZxing().catch(() => undefined);

let collector = new MigrationCollector();
let transferTexts = new Map<number, string>();

async function pixels(image: Blob | ImageBitmap): Promise<ImageData> {
  const bitmap = image instanceof Blob ? await createImageBitmap(image) : image;
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** Picks the code to act on: a key or transfer code first, otherwise the first thing found. */
function pick(codes: FoundCode[]): FoundCode | undefined {
  return codes.find((c) => c.payload.kind === 'otpauth' || c.payload.kind === 'migration') ?? codes[0];
}

function describe(found: FoundCode, width: number, height: number): ScanResult {
  const { payload, corners } = found;
  if (payload.kind === 'otpauth')
    return { kind: 'key', text: found.text.trim(), message: payload.message, corners, width, height };
  if (payload.kind !== 'migration')
    return { kind: 'other', message: payload.message, corners, width, height };
  const step = collector.add(payload.code);
  if (step.status === 'added') transferTexts.set(payload.code.batch.index, found.text.trim());
  const texts = step.complete ? [...transferTexts.entries()].sort(([a], [b]) => a - b).map(([, t]) => t) : [];
  const accounts = step.complete ? collector.result().entries.length : 0;
  const progress = {
    ...step,
    message: step.complete && accounts === 0 ? 'This export holds no accounts.' : step.message,
  };
  return { kind: 'transfer', progress, texts, accounts, corners, width, height };
}

async function decode(image: Blob | ImageBitmap, effort: 'fast' | 'thorough'): Promise<ScanResult> {
  let frame: ImageData;
  try {
    frame = await pixels(image);
  } catch {
    return {
      kind: 'error',
      message: 'This file is not an image Keyfob can read (PNG, JPEG, WebP, BMP or GIF).',
    };
  }
  await ready;
  const outcome = await decodeFrame(frame, effort);
  const found = pick(outcome.codes);
  if (found !== undefined) return describe(found, frame.width, frame.height);
  const implausible = outcome.implausible[0];
  if (implausible !== undefined)
    return {
      kind: 'other',
      message: implausible.message,
      corners: implausible.corners,
      width: frame.width,
      height: frame.height,
    };
  return { kind: 'none', width: frame.width, height: frame.height };
}

self.onmessage = (event: MessageEvent<ScanRequest>) => {
  const request = event.data;
  const reply = (result: ScanResult) => self.postMessage({ id: request.id, result } satisfies ScanReply);
  if (request.type === 'text') {
    const none = { x: 0, y: 0 };
    const corners = { topLeft: none, topRight: none, bottomRight: none, bottomLeft: none };
    const text = request.text;
    reply(describe({ text, corners, inverted: false, payload: classifyQrText(text) }, 0, 0));
    return;
  }
  if (request.type === 'reset') {
    collector = new MigrationCollector();
    transferTexts = new Map();
    reply({ kind: 'none', width: 0, height: 0 });
    return;
  }
  decode(request.image, request.effort).then(reply, () =>
    reply({ kind: 'error', message: 'The image could not be decoded.' }),
  );
};
