import type { ScanImage, ScanReply, ScanRequest, ScanResult } from './scan-messages';

/** The UI thread's handle on the scan worker: one promise per request, the worker does all decoding. */
export interface ScanClient {
  /** Starts the worker now (it loads the decoder), so the first decode does not wait for it. */
  start(): void;
  decode(image: ScanImage, effort: 'fast' | 'thorough'): Promise<ScanResult>;
  /** True while a decode is under way (the webcam skips frames rather than queueing them). */
  readonly busy: boolean;
  /** Stops the worker; a later start or decode starts a new one. */
  terminate(): void;
}

/** A handle on a scan worker (a Vite module worker bundled with the app), started on first use. */
export function scanClient(): ScanClient {
  let worker: Worker | null = null;
  const pending = new Map<number, (result: ScanResult) => void>();
  let nextId = 1;
  const started = (): Worker => {
    if (worker !== null) return worker;
    const w = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<ScanReply>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.result);
    };
    w.onerror = () => {
      for (const resolve of pending.values())
        resolve({ kind: 'error', message: 'The QR decoder stopped working.' });
      pending.clear();
    };
    worker = w;
    return w;
  };
  const send = (request: ScanRequest, transfer: Transferable[] = []) =>
    new Promise<ScanResult>((resolve) => {
      pending.set(request.id, resolve);
      started().postMessage(request, transfer);
    });
  return {
    start: () => void started(),
    decode: (image, effort) =>
      send({ type: 'decode', id: nextId++, image, effort }, image instanceof Blob ? [] : [image]),
    get busy() {
      return pending.size > 0;
    },
    terminate: () => {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
