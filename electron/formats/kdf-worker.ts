import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { KeyfobError } from '../../shared/errors';

// Password-based key derivation off the main thread AND off libuv's thread pool. Node's async
// `crypto.scrypt`/`pbkdf2` run on that pool (4 threads in Electron's main process), which keytar
// also uses for every keychain call: two or three slow derivations from a hostile backup would
// stall every code and list read of the app until they finish. A worker thread has a thread of
// its own; starting one costs about 20 ms, small beside a derivation (≈ 90 ms for Aegis's
// scrypt). Derivations run one at a time, so at most one scrypt buffer (≤ 256 MiB) exists.
// The worker is an inline CommonJS script so every bundle (app, CLI, tests) carries it as is.
// Argon2id comes from hash-wasm: main reads its self-contained UMD file (the .wasm is inside it)
// and hands the text to the worker, which runs it without `require` — a worker cannot be relied
// on to load modules from inside the packed app's asar archive.

/** PBKDF2 digests the formats use. */
export type Pbkdf2Digest = 'sha1' | 'sha256' | 'sha512';

/** One derivation, its parameters already checked by the format that read them. */
export type KdfJob =
  | { kind: 'scrypt'; password: string; salt: Uint8Array; n: number; r: number; p: number }
  | { kind: 'pbkdf2'; password: string; salts: Uint8Array[]; iterations: number; digest: Pbkdf2Digest }
  | {
      kind: 'argon2id';
      password: string;
      salt: Uint8Array;
      iterations: number;
      memoryKiB: number;
      parallelism: number;
      module: string;
    };

const SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
const crypto = require('node:crypto');
async function derive() {
  if (job.kind === 'scrypt') {
    const maxmem = 128 * job.n * job.r * 2 + 1024 * 1024;
    return [crypto.scryptSync(job.password, job.salt, 32, { N: job.n, r: job.r, p: job.p, maxmem })];
  }
  if (job.kind === 'pbkdf2') {
    return job.salts.map((salt) => crypto.pbkdf2Sync(job.password, salt, job.iterations, 32, job.digest));
  }
  const module = { exports: {} };
  new Function('exports', 'module', job.module)(module.exports, module);
  const key = await module.exports.argon2id({
    password: job.password, salt: job.salt, iterations: job.iterations, memorySize: job.memoryKiB,
    parallelism: job.parallelism, hashLength: 32, outputType: 'binary',
  });
  return [key];
}
derive().then((keys) => parentPort.postMessage(keys), () => process.exit(1));
`;

let tail: Promise<unknown> = Promise.resolve();

/** Derives 32-byte keys (one per salt) in a worker thread; derivations queue behind each other. */
export function deriveInWorker(job: KdfJob): Promise<Buffer[]> {
  const run = () =>
    new Promise<Buffer[]>((resolve, reject) => {
      const worker = new Worker(SOURCE, { eval: true, workerData: job });
      worker.once('message', (keys: Uint8Array[]) => {
        resolve(keys.map((key) => Buffer.from(key.buffer, key.byteOffset, key.byteLength)));
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

let argon2Source: string | undefined;

/** hash-wasm's Argon2 module as text (read once), for {@link deriveInWorker}'s `argon2id` job. */
export function argon2Module(): string {
  argon2Source ??= readFileSync(require.resolve('hash-wasm/dist/argon2.umd.min.js'), 'utf8');
  return argon2Source;
}
