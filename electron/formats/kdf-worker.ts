import { Worker } from 'node:worker_threads';
import { KeyfobError } from '../../shared/errors';

// Password-based key derivation off the main thread AND off libuv's thread pool. Node's async
// `crypto.scrypt`/`pbkdf2` run on that pool (4 threads in Electron's main process), which keytar
// also uses for every keychain call: two or three slow derivations from a hostile backup would
// stall every code and list read of the app until they finish. A worker thread has a thread of
// its own; starting one costs about 20 ms, small beside a derivation (≈ 90 ms for Aegis's
// scrypt). Derivations run one at a time, so at most one scrypt buffer (≤ 256 MiB) exists.
// The worker is an inline CommonJS script so every bundle (app, CLI, tests) carries it as is.

/** One derivation, its parameters already checked by the format that read them. */
export type KdfJob =
  | { kind: 'scrypt'; password: string; salt: Uint8Array; n: number; r: number; p: number }
  | { kind: 'pbkdf2'; password: string; salt: Uint8Array; iterations: number; digest: 'sha1' | 'sha256' };

const SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
const crypto = require('node:crypto');
let key;
if (job.kind === 'scrypt') {
  const maxmem = 128 * job.n * job.r * 2 + 1024 * 1024;
  key = crypto.scryptSync(job.password, job.salt, 32, { N: job.n, r: job.r, p: job.p, maxmem });
} else {
  key = crypto.pbkdf2Sync(job.password, job.salt, job.iterations, 32, job.digest);
}
parentPort.postMessage(key);
`;

let tail: Promise<unknown> = Promise.resolve();

/** Derives a 32-byte key in a worker thread; derivations queue behind each other. */
export function deriveInWorker(job: KdfJob): Promise<Buffer> {
  const run = () =>
    new Promise<Buffer>((resolve, reject) => {
      const worker = new Worker(SOURCE, { eval: true, workerData: job });
      worker.once('message', (key: Uint8Array) => {
        resolve(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
        void worker.terminate();
      });
      // Parameters are checked before deriving, so a failure here is Keyfob's, not the file's.
      const failed = () => reject(new KeyfobError('internal', 'Keyfob could not derive the backup key.'));
      worker.once('error', failed);
      worker.once('exit', failed);
    });
  const result = tail.then(run, run);
  tail = result.catch(() => undefined);
  return result;
}
