import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { KeyfobError } from '../../shared/errors';
import { decodeFrame, type DecodeOutcome, type Frame } from '../../qr-decoder';
import { loadZxingWasmFile, zxingWasmBytes } from './load-wasm';
import type { DecodeJob, DecodeReply, ScreenWorkerData } from './screen-messages';

// Screen captures are decoded off main's thread: a 4K display costs tens of milliseconds of
// zxing, and three of them on main's event loop would stall every other IPC answer for as long.
// A small pool of worker threads (screen-worker.ts, one frame at a time each) decodes the
// displays in parallel; each frame's pixels are transferred to its thread, not copied, so main
// spends microseconds per display. Threads start when a scan begins (while the screens are being
// captured) and stop after a minute without work: each holds zxing's heap, sized for the
// largest display it decoded.

/** The built screen worker's file name, beside main's bundle (an entry of electron.vite.config.ts). */
export const SCREEN_WORKER = 'qr-screen-worker.js';

/** Decodes display captures (RGBA or BGRA: the decoder's luminance weighs red and blue alike). */
export interface DisplayDecoder {
  /** Decodes one frame; its pixels move to the decoder, so `frame.data` is empty afterwards. */
  decode(frame: Frame): Promise<DecodeOutcome>;
  /** Starts the decoding threads now, e.g. while the displays are being captured. */
  prepare(): void;
  /** Stops every thread; frames still waiting are refused. */
  close(): Promise<void>;
}

/** Decodes on the calling thread: the CLI and unit tests, where nothing else waits on the loop. */
export function inThreadDecoder(): DisplayDecoder {
  return {
    decode: async (frame) => {
      loadZxingWasmFile();
      return decodeFrame(frame, 'thorough');
    },
    prepare: () => undefined,
    close: async () => undefined,
  };
}

const STOPPED =
  'The screen could not be scanned: its QR decoder stopped. Try again, or save a screenshot and use Image file….';

interface Pending {
  job: DecodeJob;
  resolve(outcome: DecodeOutcome): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Pending | undefined;
}

/**
 * Worker threads running the built `script` (screen-worker.ts): at most `threads` of them (one a
 * core, at most four, by default), stopped after `idleMs` without a frame.
 */
export function workerDecoders(
  script: string,
  { threads = Math.min(4, availableParallelism()), idleMs = 60_000 } = {},
): DisplayDecoder {
  const pool: Thread[] = [];
  const queue: Pending[] = [];
  let ids = 0;
  let idle: NodeJS.Timeout | undefined;

  const spawn = (): Thread => {
    const workerData: ScreenWorkerData = { wasm: zxingWasmBytes() };
    const thread: Thread = { worker: new Worker(script, { workerData }), pending: undefined };
    thread.worker.unref(); // an idle decoder never keeps the process alive
    thread.worker.on('message', (reply: DecodeReply) => {
      const p = thread.pending;
      thread.pending = undefined;
      if (p !== undefined && 'outcome' in reply) p.resolve(reply.outcome);
      else p?.reject(new KeyfobError('internal', STOPPED));
      pump();
    });
    let gone = false;
    const fail = () => {
      if (gone) return;
      gone = true;
      const at = pool.indexOf(thread);
      if (at >= 0) pool.splice(at, 1);
      thread.pending?.reject(new KeyfobError('internal', STOPPED));
      thread.pending = undefined;
      pump();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', fail);
    pool.push(thread);
    return thread;
  };

  const pump = () => {
    clearTimeout(idle);
    for (let next = queue[0]; next !== undefined; next = queue[0]) {
      const thread =
        pool.find((t) => t.pending === undefined) ?? (pool.length < threads ? spawn() : undefined);
      if (thread === undefined) return; // every thread busy: the next reply pumps again
      queue.shift();
      thread.pending = next;
      try {
        thread.worker.postMessage(next.job, [next.job.pixels]);
      } catch {
        thread.worker.postMessage(next.job); // a buffer that cannot move (Node's pool) is copied
      }
    }
    if (pool.length > 0 && pool.every((t) => t.pending === undefined)) {
      idle = setTimeout(() => void stop(), idleMs);
      idle.unref();
    }
  };

  const stop = async () => {
    clearTimeout(idle);
    const stopping = pool.splice(0);
    for (const t of stopping) t.pending?.reject(new KeyfobError('internal', STOPPED));
    await Promise.all(stopping.map((t) => t.worker.terminate()));
  };

  return {
    decode: (frame) =>
      new Promise((resolve, reject) => {
        if (frame.data.byteLength < frame.width * frame.height * 4)
          throw new KeyfobError('internal', 'A display capture came with fewer pixels than its size.');
        const job = { id: ++ids, pixels: ownBuffer(frame.data), width: frame.width, height: frame.height };
        queue.push({ job, resolve, reject });
        pump();
      }),
    prepare() {
      while (pool.length < threads) spawn();
      pump();
    },
    async close() {
      for (const p of queue.splice(0)) p.reject(new KeyfobError('internal', STOPPED));
      await stop();
    },
  };
}

/** The pixels as a buffer of their own, ready to transfer: the frame's own when it spans it all. */
function ownBuffer(data: Uint8ClampedArray): ArrayBuffer {
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  return whole && data.buffer instanceof ArrayBuffer ? data.buffer : data.slice().buffer;
}
