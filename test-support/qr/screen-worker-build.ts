import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Unit tests run TypeScript sources, and a worker thread cannot: this bundles the screen worker
// (electron/qr/screen-worker.ts) the way the app's build does, into a scratch folder, so the
// decoding threads run the real code. End-to-end specs use the app's own build instead.

/** Bundles the screen worker into a new scratch folder; returns the script's path and the folder. */
export async function buildScreenWorker(): Promise<{ script: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'keyfob-screen-worker-'));
  const script = join(dir, 'qr-screen-worker.js');
  await build({
    entryPoints: [join(__dirname, '..', '..', 'electron', 'qr', 'screen-worker.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return { script, dir };
}
