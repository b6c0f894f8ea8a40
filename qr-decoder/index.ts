// QR decoding for the renderer's scanning worker and the CLI: no Electron, no DOM, no Node
// built-ins on this path. Node-only helpers live in node-*.ts and are imported directly.
export { classifyQrText, type QrPayload } from './classify';
export {
  decodeFrame,
  passesFor,
  FAST_PASS,
  THOROUGH_PASS,
  THRESHOLD_PASS,
  type DecodeEffort,
} from './decode-frame';
export type { DecodeOutcome, FoundCode, Frame, ImplausibleCode, QrCorners, QrPoint } from './types';
export { useZxingWasm, warmUpZxing, type ZxingWasmSource } from './zxing-reader';
export type { PassOptions } from './zxing-pixmap';
