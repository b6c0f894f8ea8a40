import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readBarcodes } from 'zxing-wasm/reader';
import type { ScreenCaptureAdapter } from '../electron/adapters/screen-capture';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import {
  inThreadDecoder,
  SCREEN_WORKER,
  workerDecoders,
  type DisplayDecoder,
} from '../electron/qr/screen-decoders';
import { scanScreens } from '../electron/services/scan-screens';
import type { Frame } from '../qr-decoder';
import { seededRandom } from '../test-support/core/seeded-random';
import { keyUri } from '../test-support/qr/corpus';
import { screenFrame } from '../test-support/qr/scenes';
import { atMost, emit, median } from './figures';

// `scan:screens` end to end over three 3840×2160 displays, the capture itself excluded (the
// adapter hands over frames made beforehand; Electron's desktopCapturer cannot run here): with the
// code on the first display, on the third, and on none. Decoded by the app's worker threads
// (main's built worker file, out/main/) and, beside it in the same run, on main's own thread as
// before and by plain zxing-wasm one display after another. While each scan runs, main's event
// loop is watched with perf_hooks.monitorEventLoopDelay: its longest delay is how long main could
// not answer anything else. Run alone after `npm run build` and `node bench/run.mjs` built it:
// node out/bench/screen-scan-bench.js [--threads=N] (the app's default: see screen-decoders.ts)

const WIDTH = 3840;
const HEIGHT = 2160;
const RUNS = 7;
const SCRIPT = join(__dirname, '..', 'main', SCREEN_WORKER);

type Case = 'first' | 'third' | 'none';

/** Three desktops, the code (if any) on the display the case says; the same pixels every run. */
function displays(which: Case): Frame[] {
  const rng = seededRandom(77);
  const text = keyUri(rng);
  return [0, 1, 2].map((i) => {
    const code = (which === 'first' && i === 0) || (which === 'third' && i === 2);
    return screenFrame(rng, WIDTH, HEIGHT, code ? text : undefined, 180, i === 1 ? 'dark' : 'light', true);
  });
}

/** A capture adapter handing over a fresh copy of the frames (made before the clock starts). */
function recorded(frames: Frame[]): ScreenCaptureAdapter {
  const copies = frames.map((f) => ({ label: 'Display', frame: { ...f, data: f.data.slice() } }));
  return { permission: () => 'granted', capture: async () => copies };
}

/** One scan: its time and main's longest event-loop delay meanwhile, in ms. */
async function scanOnce(
  frames: Frame[],
  decoder: DisplayDecoder,
  expectFound: boolean,
): Promise<[number, number]> {
  const capture = recorded(frames);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, 5)); // the monitor measures from its first tick
  const t0 = performance.now();
  const found = await scanScreens(capture, decoder);
  const ms = performance.now() - t0;
  // A loop blocked until now has not yet run the monitor's late timer: let it, then stop.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  if ((found.text !== null) !== expectFound)
    throw new Error(`scan:screens found ${found.text === null ? 'nothing' : 'a code'}`);
  return [ms, delay.max / 1e6];
}

/**
 * Main's longest event-loop delay over `ms` with nothing to do, in ms: what the machine's other
 * load alone costs a thread (two cores shared with other jobs here), to read the figures against.
 */
async function idleDelay(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  delay.disable();
  return delay.max / 1e6;
}

/** Plain zxing-wasm on the three displays one after another, on this thread. */
async function plainZxing(frames: Frame[]): Promise<number> {
  const t0 = performance.now();
  for (const f of frames) {
    const found = await readBarcodes(f as unknown as ImageData, { tryHarder: true, formats: ['QRCode'] });
    if (found.some((r) => r.isValid)) break;
  }
  return performance.now() - t0;
}

async function main(): Promise<void> {
  if (!existsSync(SCRIPT))
    throw new Error(`No built screen worker at ${SCRIPT}; run \`npm run build\` first.`);
  loadZxingWasmFile();
  const threads = Number(process.argv.find((a) => a.startsWith('--threads='))?.slice(10)) || undefined;
  const workers = workerDecoders(SCRIPT, threads === undefined ? {} : { threads });
  const onMain = inThreadDecoder();
  const cases: Case[] = ['first', 'third', 'none'];
  const frames = new Map(cases.map((c) => [c, displays(c)]));
  // The first scan after start: threads start and compile zxing while the displays are captured.
  const [cold, coldDelay] = await scanOnce(frames.get('none') ?? [], workers, false);
  emit('screen_scan.cold_ms.3x3840x2160.none', Math.round(cold), 'ms', undefined, {
    event_loop_max_ms: Math.round(coldDelay * 10) / 10,
  });
  for (const c of cases) {
    const f = frames.get(c) ?? [];
    const found = c !== 'none';
    await scanOnce(f, onMain, found); // warm-up
    const times = { workers: [] as number[], main: [] as number[], zxing: [] as number[] };
    const delays = { workers: [] as number[], main: [] as number[], idle: [] as number[] };
    for (let r = 0; r < RUNS; r++) {
      const [w, wd] = await scanOnce(f, workers, found);
      const [m, md] = await scanOnce(f, onMain, found);
      times.workers.push(w);
      delays.workers.push(wd);
      times.main.push(m);
      delays.main.push(md);
      times.zxing.push(await plainZxing(f));
      delays.idle.push(await idleDelay(150));
    }
    const ms = median(times.workers);
    emit(`screen_scan.median_ms.3x3840x2160.${c}`, ms, 'ms', atMost(ms, found ? 100 : 150), {
      main_thread: median(times.main),
      zxing: median(times.zxing),
    });
    const worst = (xs: number[]) => Math.round(Math.max(...xs) * 10) / 10;
    emit(
      `screen_scan.event_loop_max_ms.3x3840x2160.${c}`,
      worst(delays.workers),
      'ms',
      atMost(worst(delays.workers), 20),
      {
        main_thread: worst(delays.main),
        idle: worst(delays.idle),
      },
    );
  }
  await workers.close();
  emit('screen_scan.load_average_1min', Math.round((loadavg()[0] ?? 0) * 100) / 100, 'load');
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
