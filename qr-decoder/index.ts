// The QR decoder (zxing-wasm), one copy for both sides: the renderer's scan worker and main (screen
// captures, `keyfob scan`) import it, so it sits at the top level; not in shared/, which stays free
// of WebAssembly loading. It touches neither Node nor the DOM: each side's adapter hands it the .wasm
// and the frames (renderer/src/scan/scan.worker.ts; electron/qr/ reads both from disk). It tells a
// code's text apart by scheme only; main parses keys and transfer codes once, when they arrive.
export { decodeFrame, firstPassFor, FAST_PASS, THRESHOLD_PASS, type DecodeEffort } from './decode-frame';
export type { DecodeOutcome, FoundCode, Frame, QrCorners, QrPoint } from './types';
export { setZxingWasm, warmUpZxing, type ZxingWasmSource } from './zxing-reader';
export type { PassOptions } from './zxing-pixmap';
