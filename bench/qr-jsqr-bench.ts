import jsQR from 'jsqr';
import { decodeFrame } from '../qr-decoder/decode-frame';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import { qrCorpus } from '../test-support/qr/corpus';
import { emit, median } from './figures';

// jsQR against the decoder Keyfob ships (zxing-wasm, thorough passes), frame by frame over the same
// generated corpus (its tuning half): is there any frame jsQR reads correctly that zxing misses (a reason to keep it
// as a second pass), and what would it cost? Prints JSON lines; the decision is in
// docs/qr-decoder.md and the README's design notes.

interface Tally {
  frames: number;
  found: number;
  wrong: number;
  times: number[];
  /** Frames jsQR read correctly and zxing did not. */
  adds: number;
}

async function main(): Promise<void> {
  loadZxingWasmFile();
  const groups = new Map<string, Tally>();
  for (const c of qrCorpus()) {
    if (c.expected === undefined) continue;
    let t = groups.get(c.group);
    if (!t) groups.set(c.group, (t = { frames: 0, found: 0, wrong: 0, times: [], adds: 0 }));
    const zx = await decodeFrame(c.frame, 'thorough');
    const zxFound = zx.codes.some((x) => x.text === c.expected);
    const t0 = performance.now();
    const js = jsQR(c.frame.data, c.frame.width, c.frame.height, { inversionAttempts: 'attemptBoth' });
    t.times.push(performance.now() - t0);
    t.frames++;
    if (js !== null && js.data === c.expected) {
      t.found++;
      if (!zxFound) t.adds++;
    } else if (js !== null) t.wrong++;
  }
  let adds = 0;
  let wrong = 0;
  for (const [group, t] of groups) {
    emit(`qr.jsqr.median_ms.${group}`, median(t.times), 'ms');
    emit(`qr.jsqr.found_pct.${group}`, Math.round((1000 * t.found) / t.frames) / 10, '%');
    adds += t.adds;
    wrong += t.wrong;
  }
  emit('qr.jsqr.wrong_decodes', wrong, 'decodes');
  emit('qr.jsqr.correct_decodes_zxing_missed', adds, 'frames');
}

void main();
