import { readFileSync } from 'node:fs';
import { setZxingWasm } from '../../qr-decoder';

// Main, the CLI, tests and the benchmark: the .wasm ships inside the zxing-wasm package.

let bytes: Uint8Array | undefined;
let loaded = false;

/** zxing's reader .wasm, read from node_modules once (main hands it to its decoding threads). */
export function zxingWasmBytes(): Uint8Array {
  bytes ??= readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  return bytes;
}

/** Hands zxing's reader .wasm to the decoder on this thread (once). */
export function loadZxingWasmFile(): void {
  if (loaded) return;
  setZxingWasm({ binary: zxingWasmBytes() });
  loaded = true;
}
