import { readFileSync } from 'node:fs';
import { useZxingWasm } from './zxing-reader';

// Node only (the CLI, tests, the benchmark): the .wasm ships inside the zxing-wasm package.

let loaded = false;

/** Loads zxing's reader .wasm from node_modules (once) and hands it to the decoder. */
export function useZxingWasmFromNodeModules(): void {
  if (loaded) return;
  useZxingWasm({ binary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) });
  loaded = true;
}
