import { loadavg } from 'node:os';
import { join } from 'node:path';
import { decodeFrame, FAST_PASS, THOROUGH_PASS, type DecodeEffort } from '../qr-decoder/decode-frame';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import type { DecodeOutcome } from '../qr-decoder/types';
import type { PassOptions } from '../qr-decoder/zxing-pixmap';
import { qrCorpus, writeCorpus, type CorpusFrame } from './qr-corpus';
import { atMost, emit, median } from './figures';

// QR decoder benchmark over the generated corpus (bench/qr-corpus.ts). Prints JSON lines
// {metric, value, unit, target, ok}: median ms and found % per class, wrong decodes overall, and
// found % per camera condition. It also saves the corpus as PNG under out/qr-corpus/ (skip with
// --no-write). Run alone after `node bench/run.mjs` built it: node out/bench/qr-bench.js [--passes=fast|local-average|thorough-only]

const REPEATS = 3;
const TARGET_MS: Record<string, number> = {
  'webcam-640x480': 10,
  'webcam-1280x720': 30,
  'screen-1920x1080': 20,
  'screen-2560x1440': 40,
  'screen-3840x2160': 60,
  'screen-5120x1440': 60,
};
const PASSES: Record<string, DecodeEffort | PassOptions[]> = {
  default: 'thorough',
  fast: 'fast',
  'local-average': [FAST_PASS],
  'thorough-only': [THOROUGH_PASS],
};

interface Tally {
  times: number[];
  frames: number;
  found: number;
  wrong: number;
}

function texts(o: DecodeOutcome): string[] {
  return o.codes.map((c) => c.text);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const passes =
    PASSES[args.find((a) => a.startsWith('--passes='))?.slice(9) ?? 'default'] ?? PASSES['default'];
  loadZxingWasmFile();
  if (!args.includes('--no-write')) {
    const dir = join(__dirname, '..', 'qr-corpus');
    console.error(`wrote ${writeCorpus(dir, qrCorpus()).length} images to ${dir}`);
  }
  const groups = new Map<string, Tally>();
  const conditions = new Map<string, Tally>();
  const misses: string[] = [];
  let warm = false;
  for (const c of qrCorpus()) {
    if (!warm) {
      // JIT and wasm warm-up: the app decodes frame after frame, so first-call costs are not the median.
      for (let i = 0; i < 5; i++) await decodeFrame(c.frame, passes);
      warm = true;
    }
    const t = tally(groups, c.group);
    const k = tally(conditions, `${c.group.startsWith('webcam') ? 'webcam' : c.group}.${c.condition}`);
    let outcome: DecodeOutcome = { codes: [] };
    for (let r = 0; r < REPEATS; r++) {
      const t0 = performance.now();
      outcome = await decodeFrame(c.frame, passes);
      t.times.push(performance.now() - t0);
    }
    score(c, texts(outcome), [t, k], misses);
  }
  for (const [group, t] of groups) {
    const target = TARGET_MS[group];
    if (group !== 'none') {
      const ms = median(t.times);
      emit(`qr.median_ms.${group}`, ms, 'ms', target ? atMost(ms, target) : undefined);
      const pct = Math.round((1000 * t.found) / t.frames) / 10;
      const need = group.startsWith('screen') ? 100 : 90;
      emit(`qr.found_pct.${group}`, pct, '%', { target: `>= ${need}`, ok: pct >= need });
    }
  }
  for (const [condition, t] of conditions) {
    if (!condition.startsWith('none'))
      emit(`qr.found_pct.${condition}`, Math.round((1000 * t.found) / t.frames) / 10, '%');
  }
  const wrong = [...groups.values()].reduce((n, t) => n + t.wrong, 0);
  emit('qr.wrong_decodes', wrong, 'decodes', atMost(wrong, 0));
  emit('qr.load_average_1min', Math.round((loadavg()[0] ?? 0) * 100) / 100, 'load');
  if (misses.length) console.error(`missed: ${misses.join(' ')}`);
}

function tally(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = { times: [], frames: 0, found: 0, wrong: 0 }));
  return t;
}

function score(c: CorpusFrame, found: string[], tallies: Tally[], misses: string[]): void {
  const hit = c.expected !== undefined && found.includes(c.expected);
  const wrong = found.filter((text) => text !== c.expected).length;
  for (const t of tallies) {
    t.frames++;
    if (hit) t.found++;
    t.wrong += wrong;
  }
  if (!hit && c.expected !== undefined) misses.push(c.name);
  if (wrong) console.error(`WRONG decode in ${c.name}`);
}

void main();
