import { loadavg } from 'node:os';
import type { CorpusSet } from '../test-support/qr/corpus';
import { atMost, emit, median, type Check } from './figures';
import { DECODERS, type Decoder, type Sample } from './qr-measure';

// The QR benchmark's figures for one corpus set, Keyfob first and the other decoders beside it:
// found rates and medians per class, per webcam condition and over the blur conditions; live
// (webcam-loop) medians; frames without a code per resolution; wrong decodes.

/** Keyfob's thorough median target per class of code-bearing frames, in ms. */
const TARGET_MS: Record<string, number> = {
  'webcam-640x480': 10,
  'webcam-1280x720': 30,
  'screen-1920x1080': 20,
  'screen-2560x1440': 40,
  'screen-3840x2160': 60,
  'screen-5120x1440': 60,
};
/** Live-frame median targets (every camera frame of the size, with or without a code), in ms. */
const LIVE_TARGET_MS: Record<string, number> = { '640x480': 5, '1280x720': 10 };

const pct = (hits: number, n: number) => (n === 0 ? 0 : Math.round((1000 * hits) / n) / 10);
const atLeast = (value: number, min: number): Check => ({ target: `>= ${min}`, ok: value >= min });

function groupBy(samples: Sample[], key: (s: Sample) => string | undefined): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>();
  for (const s of samples) {
    const k = key(s);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list === undefined) out.set(k, [s]);
    else list.push(s);
  }
  return out;
}

/** Per decoder that ran on these samples: its found rate, median time and wrong decodes. */
function figures(samples: Sample[]): Map<Decoder, { found: number; ms: number; wrong: number }> {
  const out = new Map<Decoder, { found: number; ms: number; wrong: number }>();
  for (const d of DECODERS) {
    const ran = samples.filter((s) => s.times[d] !== undefined);
    if (ran.length === 0) continue;
    out.set(d, {
      found: pct(ran.filter((s) => s.found[d] === true).length, ran.length),
      ms: median(ran.flatMap((s) => s.times[d] ?? [])),
      wrong: ran.reduce((n, s) => n + (s.wrong[d] ?? 0), 0),
    });
  }
  return out;
}

/** The other decoders' value of `field`, to print beside Keyfob's. */
function beside(f: ReturnType<typeof figures>, field: 'found' | 'ms'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [d, v] of f) if (d !== 'keyfob') out[d] = v[field];
  return out;
}

/** Prints every figure of one set. */
export function report(set: CorpusSet, samples: Sample[]): void {
  const p = `qr.${set}`;
  const coded = samples.filter((s) => s.frame.expected !== undefined);
  for (const [group, list] of groupBy(coded, (s) => s.frame.group)) {
    const f = figures(list);
    const k = f.get('keyfob');
    if (k === undefined) continue;
    const target = TARGET_MS[group];
    emit(
      `${p}.median_ms.${group}`,
      k.ms,
      'ms',
      target === undefined ? undefined : atMost(k.ms, target),
      beside(f, 'ms'),
    );
    const need = group.startsWith('screen') ? 100 : 90;
    emit(`${p}.found_pct.${group}`, k.found, '%', atLeast(k.found, need), beside(f, 'found'));
    if (!group.startsWith('webcam')) continue;
    const blurred = figures(list.filter((s) => s.frame.blur));
    const kb = blurred.get('keyfob')?.found ?? 0;
    const check = group === 'webcam-640x480' ? atLeast(kb, 95) : undefined;
    emit(`${p}.found_pct.${group}.blur-conditions`, kb, '%', check, beside(blurred, 'found'));
    for (const [condition, frames] of groupBy(list, (s) => s.frame.condition)) {
      const fc = figures(frames);
      emit(
        `${p}.found_pct.${group}.${condition}`,
        fc.get('keyfob')?.found ?? 0,
        '%',
        undefined,
        beside(fc, 'found'),
      );
    }
  }
  const size = (s: Sample) => /(\d+x\d+)$/u.exec(s.frame.group)?.[1];
  const camera = samples.filter((s) => s.frame.group.startsWith('webcam') || s.frame.condition === 'camera');
  for (const [res, list] of groupBy(camera, size)) {
    const f = figures(list);
    const live = f.get('live')?.ms ?? 0;
    const target = LIVE_TARGET_MS[res];
    const check = target === undefined ? undefined : atMost(live, target);
    emit(`${p}.live_median_ms.${res}`, live, 'ms', check, { zxing: f.get('zxing')?.ms ?? 0 });
  }
  for (const [res, list] of groupBy(
    samples.filter((s) => s.frame.expected === undefined),
    size,
  )) {
    const f = figures(list);
    const k = f.get('keyfob')?.ms ?? 0;
    const z = f.get('zxing')?.ms ?? 0;
    emit(`${p}.codeless_median_ms.${res}`, k, 'ms', { target: '<= zxing', ok: k <= z }, beside(f, 'ms'));
  }
  const ungated = coded.filter((s) => s.gated !== true).map((s) => s.frame.name);
  emit(`${p}.gate_missed_codes`, ungated.length, 'frames', atMost(ungated.length, 0));
  if (ungated.length > 0) console.error(`${set}: the finder gate left out the code of ${ungated.join(' ')}`);
  const all = figures(samples);
  const wrong = (all.get('keyfob')?.wrong ?? 0) + (all.get('live')?.wrong ?? 0);
  emit(`${p}.wrong_decodes`, wrong, 'decodes', atMost(wrong, 0), { zxing: all.get('zxing')?.wrong ?? 0 });
  emit(`${p}.load_average_1min`, Math.round((loadavg()[0] ?? 0) * 100) / 100, 'load');
  const missed = coded.filter((s) => s.found.keyfob !== true).map((s) => s.frame.name);
  if (missed.length > 0) console.error(`${set}: keyfob missed ${missed.join(' ')}`);
}
