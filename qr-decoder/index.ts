// The QR decoder (zxing-wasm), one copy for both sides: the renderer's scan worker decodes the
// webcam, files and pastes with it, and main decodes screen captures and `keyfob scan` images with
// it. It lives at the top level rather than under electron/ or renderer/ because both import it;
// not under shared/, which stays free of Node, DOM and WebAssembly loading: this folder loads the
// .wasm it is handed (setZxingWasm) and touches neither Node nor the DOM. Each side has its adapter:
// the worker (renderer/src/scan/scan.worker.ts) hands it a bundled URL and draws frames on an
// OffscreenCanvas; electron/qr/ reads the .wasm and image files from disk. A code's text is only
// told apart by its scheme here; main parses keys and transfer codes once, when they arrive.
export {
  decodeFrame,
  passesFor,
  FAST_PASS,
  THOROUGH_PASS,
  THRESHOLD_PASS,
  type DecodeEffort,
} from './decode-frame';
export { holdsKey, notAKey, qrTextKind, type QrTextKind } from './qr-text';
export type { DecodeOutcome, FoundCode, Frame, QrCorners, QrPoint } from './types';
export { setZxingWasm, warmUpZxing, type ZxingWasmSource } from './zxing-reader';
export type { PassOptions } from './zxing-pixmap';
