import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';

// zxing-cpp compiled to WebAssembly, loaded from Keyfob's own files. zxing-wasm's default
// `locateFile` fetches the .wasm from a CDN, so nothing may decode before {@link setZxingWasm}
// has pointed it at a local copy: a Vite `?url` import in the renderer's worker, the bytes read
// from node_modules in main and the CLI (electron/qr/load-wasm.ts).

/** Where the zxing reader's .wasm comes from. */
export type ZxingWasmSource = { url: string } | { binary: ArrayBuffer | Uint8Array };

let configured = false;

/** Points zxing-wasm at a local .wasm; call once before the first decode (later calls replace it). */
export function setZxingWasm(source: ZxingWasmSource): void {
  const overrides =
    'url' in source
      ? {
          locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.url : prefix + path),
        }
      : { wasmBinary: toArrayBuffer(source.binary) };
  prepareZXingModule({ overrides, fireImmediately: false });
  configured = true;
}

/** Throws unless {@link setZxingWasm} has been called. */
export function assertZxingConfigured(): void {
  if (!configured)
    throw new Error('The QR decoder has no WebAssembly module yet: call setZxingWasm() first.');
}

/** Instantiates the module now (≈ 100 ms) so the first frame does not pay for it. */
export async function warmUpZxing(): Promise<void> {
  await prepareZXingModule({ fireImmediately: true });
}

/** Runs zxing on RGBA pixels or encoded image bytes (PNG, JPEG, BMP, GIF via its stb_image). */
export async function readQr(
  input: { data: Uint8ClampedArray; width: number; height: number } | Uint8Array,
  options: ReaderOptions,
): Promise<ReadResult[]> {
  assertZxingConfigured();
  // zxing-wasm's types ask for a DOM ImageData; it only reads data/width/height, which Node lacks.
  return readBarcodes(input as Parameters<typeof readBarcodes>[0], { formats: ['QRCode'], ...options });
}

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
