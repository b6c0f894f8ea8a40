import type { ScanImage, ScanReply, ScanRequest, ScanResult } from './scan-messages';

/** The UI thread's handle on the scan worker: one promise per request, the worker does all decoding. */
export interface ScanClient {
  decode(image: ScanImage, effort: 'fast' | 'thorough'): Promise<ScanResult>;
  /** True while a decode is under way (the webcam skips frames rather than queueing them). */
  readonly busy: boolean;
  terminate(): void;
}

/** Starts a scan worker (a Vite module worker bundled with the app). */
export function startScanClient(): ScanClient {
  const worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, (result: ScanResult) => void>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<ScanReply>) => {
    const resolve = pending.get(event.data.id);
    pending.delete(event.data.id);
    resolve?.(event.data.result);
  };
  worker.onerror = () => {
    for (const resolve of pending.values())
      resolve({ kind: 'error', message: 'The QR decoder stopped working.' });
    pending.clear();
  };
  const send = (request: ScanRequest, transfer: Transferable[] = []) =>
    new Promise<ScanResult>((resolve) => {
      pending.set(request.id, resolve);
      worker.postMessage(request, transfer);
    });
  return {
    decode: (image, effort) =>
      send({ type: 'decode', id: nextId++, image, effort }, image instanceof Blob ? [] : [image]),
    get busy() {
      return pending.size > 0;
    },
    terminate: () => {
      worker.terminate();
      pending.clear();
    },
  };
}
