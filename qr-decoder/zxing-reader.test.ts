import { expect, it } from 'vitest';
import { decodeFrame } from './decode-frame';
import { createFrame } from '../test-support/qr/raster';

// Runs in its own file (vitest isolates module state per file): before setZxingWasm() nothing may
// decode, because zxing-wasm's default would fetch the .wasm from a CDN.
it('refuses to decode before being told where the .wasm is', async () => {
  await expect(decodeFrame(createFrame(8, 8, [255, 255, 255]))).rejects.toThrow(/setZxingWasm/);
});
