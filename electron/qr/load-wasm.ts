import { readFileSync } from 'node:fs';
import { setZxingWasm } from '../../qr-decoder';

// Main, the CLI, tests and the benchmark: the .wasm ships inside the zxing-wasm package.

let loaded = false;

/** Reads zxing's reader .wasm from node_modules (once) and hands it to the decoder. */
export function loadZxingWasmFile(): void {
  if (loaded) return;
  setZxingWasm({ binary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) });
  loaded = true;
}
