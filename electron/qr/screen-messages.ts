import type { DecodeOutcome } from '../../qr-decoder';

// What main and a screen-decoding worker thread (screen-worker.ts) say to each other.

/** Given to each worker when it starts: zxing's reader .wasm, read by main. */
export interface ScreenWorkerData {
  wasm: Uint8Array;
}

/** One display's frame to decode: its pixels (RGBA or BGRA, 4 bytes a pixel), transferred. */
export interface DecodeJob {
  id: number;
  pixels: ArrayBuffer;
  width: number;
  height: number;
}

/** What decoding one frame gave: the codes, or why it failed. */
export type DecodeReply = { id: number; outcome: DecodeOutcome } | { id: number; error: string };
