import {
  BINARIZERS,
  prepareZXingModule,
  type Binarizer,
  type ZXingReaderModule,
  type ZXingReadResult,
} from 'zxing-wasm/reader';
import { assertZxingConfigured } from './zxing-reader';
import type { Frame } from './types';

// The hot path: RGBA → luminance written straight into the WebAssembly heap, then zxing-cpp's
// `readBarcodesFromPixmap`. zxing-wasm's public `readBarcodes` does the same conversion but into a
// fresh JS array that it then copies, which costs ~40 % more on a 4K frame; reused heap buffers
// avoid both the copy and a malloc per frame. Two planes live in the heap: the frame's luminance,
// and a scratch plane for a region cut out of it (and sharpened) by the later passes. Module and
// option shapes are zxing-wasm 3.x's own exported types (`ZXingReaderModule`, `ZXingReaderOptions`).

/** The zxing options one decode pass varies; everything else is fixed for QR codes. */
export interface PassOptions {
  binarizer: Binarizer;
  tryHarder: boolean;
  tryInvert: boolean;
  tryDownscale: boolean;
  tryDenoise: boolean;
  maxNumberOfSymbols: number;
  /** Also report symbols that were found but did not decode (their position and version). */
  returnErrors?: boolean;
}

/** The module as we use it: its reader plus the Emscripten heap (typed by @types/emscripten, not loaded here). */
export type ReaderModule = Pick<ZXingReaderModule, 'readBarcodesFromPixmap'> & {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
};

/** A one-byte-a-pixel luminance image inside the wasm heap. */
export interface Plane {
  ptr: number;
  width: number;
  height: number;
}

let module: ReaderModule | undefined;
const buffers = { frame: { ptr: 0, size: 0 }, scratch: { ptr: 0, size: 0 } };

/** Loads the module (once; `setZxingWasm` must have chosen the .wasm). */
export async function zxingModule(): Promise<ReaderModule> {
  if (module) return module;
  assertZxingConfigured();
  const loaded = (await prepareZXingModule({ fireImmediately: true })) as unknown as ReaderModule;
  module = loaded;
  return loaded;
}

/** A heap buffer of at least `size` bytes, reused from call to call. */
function reserve(m: ReaderModule, which: keyof typeof buffers, size: number): number {
  const buffer = buffers[which];
  if (buffer.size < size) {
    if (buffer.ptr) m._free(buffer.ptr);
    const ptr = m._malloc(size);
    if (!ptr) throw new Error(`Cannot allocate ${size} bytes for the QR decoder.`);
    buffers[which] = { ptr, size };
    return ptr;
  }
  return buffer.ptr;
}

/** The bytes of a plane. Take a fresh view after every allocation: growing the heap replaces it. */
export function planeBytes(m: ReaderModule, p: Plane): Uint8Array {
  return m.HEAPU8.subarray(p.ptr, p.ptr + p.width * p.height);
}

/**
 * Converts a frame to 8-bit luminance inside the heap: `(r + 2g + b) / 4`, which weighs red and
 * blue alike, so a BGRA frame (a screen capture) gives the same plane as its RGBA copy would.
 */
export function loadLuminance(m: ReaderModule, f: Frame): Plane {
  const pixels = f.width * f.height;
  if (f.data.length < pixels * 4) throw new Error('Frame data is shorter than width × height × 4.');
  const ptr = reserve(m, 'frame', pixels);
  const heap = m.HEAPU8;
  if (f.data.byteOffset % 4 !== 0) {
    lumBytes(f.data, heap, 0, pixels, ptr);
    return { ptr, width: f.width, height: f.height };
  }
  const rgba = new Uint32Array(f.data.buffer, f.data.byteOffset, pixels);
  const lum = new Uint32Array(heap.buffer, ptr, pixels >>> 2); // malloc aligns to 8 or more
  // In chunks: V8 optimises a small function called often sooner than one long loop (CLI one-shots).
  const whole = pixels - (pixels % 4);
  for (let i = 0; i < whole; i += CHUNK) lumPacked(rgba, lum, i, Math.min(whole, i + CHUNK));
  lumBytes(f.data, heap, whole, pixels, ptr);
  return { ptr, width: f.width, height: f.height };
}

/** The scratch plane, sized for a `width` × `height` region (its bytes are left as they were). */
export function scratchPlane(m: ReaderModule, width: number, height: number): Plane {
  return { ptr: reserve(m, 'scratch', width * height), width, height };
}

const CHUNK = 1 << 14; // pixels, a multiple of 4

/** Runs zxing on a plane. */
export function readPlane(m: ReaderModule, p: Plane, o: PassOptions): ZXingReadResult[] {
  const found = m.readBarcodesFromPixmap(p.ptr, p.width, p.height, {
    formats: 'QRCode',
    tryHarder: o.tryHarder,
    tryRotate: false, // QR finder patterns are found at any angle; rotation only helps linear codes
    tryInvert: o.tryInvert,
    tryDownscale: o.tryDownscale,
    tryDenoise: o.tryDenoise,
    binarizer: BINARIZERS.indexOf(o.binarizer),
    isPure: false,
    downscaleThreshold: 500,
    downscaleFactor: 3,
    minLineCount: 2,
    maxNumberOfSymbols: o.maxNumberOfSymbols,
    validateOptionalChecksum: false,
    returnErrors: o.returnErrors === true,
    eanAddOnSymbol: 0, // Ignore
    textMode: 2, // HRI: the text as the symbol encodes it
    characterSet: 0, // Unknown: auto-detect (UTF-8 in practice for key URIs)
    tryCode39ExtendedMode: false,
  });
  const out: ZXingReadResult[] = [];
  for (let i = 0; i < found.size(); i++) {
    const r = found.get(i);
    if (r) out.push(r);
  }
  return out;
}

// Little-endian RGBA in one u32: (r + 2g + b) / 4, close enough to Rec. 601 luma for QR codes.
// Four pixels make one u32 store: byte stores into wasm memory cost twice as much in V8.
function lumPacked(rgba: Uint32Array, out: Uint32Array, from: number, to: number): void {
  for (let i = from; i < to; i += 4) {
    const a = rgba[i] ?? 0;
    const b = rgba[i + 1] ?? 0;
    const c = rgba[i + 2] ?? 0;
    const d = rgba[i + 3] ?? 0;
    out[i >>> 2] =
      (((a & 0xff) + ((a >>> 7) & 0x1fe) + ((a >>> 16) & 0xff)) >>> 2) |
      ((((b & 0xff) + ((b >>> 7) & 0x1fe) + ((b >>> 16) & 0xff)) >>> 2) << 8) |
      ((((c & 0xff) + ((c >>> 7) & 0x1fe) + ((c >>> 16) & 0xff)) >>> 2) << 16) |
      ((((d & 0xff) + ((d >>> 7) & 0x1fe) + ((d >>> 16) & 0xff)) >>> 2) << 24);
  }
}

function lumBytes(rgba: Uint8ClampedArray, heap: Uint8Array, from: number, to: number, ptr: number): void {
  for (let i = from; i < to; i++) {
    const j = i * 4;
    heap[ptr + i] = ((rgba[j] ?? 0) + 2 * (rgba[j + 1] ?? 0) + (rgba[j + 2] ?? 0)) >>> 2;
  }
}
