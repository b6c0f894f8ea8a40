import { parentPort, workerData } from 'node:worker_threads';
import { decodeFrame, setZxingWasm, warmUpZxing } from '../../qr-decoder';
import type { DecodeJob, DecodeReply, ScreenWorkerData } from './screen-messages';

// One screen-decoding thread (see screen-decoders.ts): it compiles zxing's .wasm once, from bytes
// main read (so it reads no file itself), then decodes one display's frame per message with the
// same decodeFrame as everywhere else. The frame's pixels arrive transferred, not copied.

const port = parentPort;
if (port === null) throw new Error('The screen decoder runs only as a worker thread.');
setZxingWasm({ binary: (workerData as ScreenWorkerData).wasm });
const ready = warmUpZxing();

port.on('message', (job: DecodeJob) => {
  const frame = { data: new Uint8ClampedArray(job.pixels), width: job.width, height: job.height };
  ready
    .then(() => decodeFrame(frame, 'thorough'))
    .then(
      (outcome): DecodeReply => ({ id: job.id, outcome }),
      (error: unknown): DecodeReply => ({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .then((reply) => port.postMessage(reply));
});
