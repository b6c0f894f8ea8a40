import { join } from 'node:path';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import { qrCorpus, type CorpusSet } from '../test-support/qr/corpus';
import { writeCorpus } from './qr-corpus';
import { measure, type Decoder, type Sample } from './qr-measure';
import { report } from './qr-report';

// QR decoder benchmark: Keyfob's decodeFrame (thorough, and fast as the live webcam loop asks)
// beside plain zxing-wasm, frame by frame over the generated corpus (test-support/qr/corpus.ts):
// its tuning half, which the passes were chosen on, and its held-out half, which they never were.
// Prints JSON lines {metric, value, zxing?, live?, unit, target?, ok?} (see qr-report.ts).
// Run alone after `node bench/run.mjs` built it: node out/bench/qr-bench.js [--set=tuning|held-out]
// [--write] (saves the corpus as PNG under out/qr-corpus/ to look at or to `keyfob scan`).

/** Repeats per decoder and frame; frames without a code (the timing comparison that matters) get more. */
const REPEATS = 3;
const REPEATS_CODELESS = 7;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--set='))?.slice(6);
  const sets: CorpusSet[] = only === 'tuning' || only === 'held-out' ? [only] : ['tuning', 'held-out'];
  loadZxingWasmFile();
  if (args.includes('--write')) {
    const dir = join(__dirname, '..', 'qr-corpus');
    for (const set of sets)
      console.error(`wrote ${writeCorpus(dir, qrCorpus(set)).length} ${set} images to ${dir}`);
  }
  for (const set of sets) {
    const samples: Sample[] = [];
    let warm = false;
    for (const c of qrCorpus(set)) {
      const camera = c.group.startsWith('webcam') || c.condition === 'camera';
      const decoders: Decoder[] = camera ? ['keyfob', 'live', 'zxing'] : ['keyfob', 'zxing'];
      // JIT and wasm warm-up: an app decodes frame after frame, so first-call costs are not the median.
      if (!warm) for (let i = 0; i < 3; i++) await measure(c, decoders, 2);
      warm = true;
      samples.push(await measure(c, decoders, c.expected === undefined ? REPEATS_CODELESS : REPEATS));
    }
    report(set, samples);
  }
}

void main();
