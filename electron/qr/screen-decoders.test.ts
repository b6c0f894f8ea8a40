import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import { seededRandom } from '../../test-support/core/seeded-random';
import { buildScreenWorker } from '../../test-support/qr/screen-worker-build';
import { screenFrame } from '../../test-support/qr/scenes';
import type { Frame } from '../../qr-decoder';
import { workerDecoders } from './screen-decoders';

// The screen decoders' worker threads, running the real worker bundle on generated desktops.

const key = (issuer: string) => `otpauth://totp/${issuer}:alice?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`;
let built: { script: string; dir: string };

beforeAll(async () => {
  built = await buildScreenWorker();
}, 60_000);
afterAll(async () => {
  await rm(built.dir, { recursive: true, force: true });
});

function desktop(seed: number, text: string | undefined, width = 1920, height = 1080): Frame {
  return screenFrame(seededRandom(seed), width, height, text, 200, 'light', true);
}

/** The same pixels in desktopCapturer's channel order. */
function asBgra(f: Frame): Frame {
  const data = f.data.slice();
  for (let i = 0; i < data.length; i += 4) [data[i], data[i + 2]] = [data[i + 2] ?? 0, data[i] ?? 0];
  return { ...f, data };
}

describe('workerDecoders', () => {
  it('decodes several displays at once, each to its own codes, BGRA as RGBA', async () => {
    const decoders = workerDecoders(built.script, { threads: 2 });
    try {
      const frames = [desktop(1, key('GitHub')), asBgra(desktop(2, key('Dropbox'))), desktop(3, undefined)];
      const outcomes = await Promise.all(frames.map((f) => decoders.decode(f)));
      expect(outcomes.map((o) => o.codes.map((c) => c.text))).toEqual([
        [key('GitHub')],
        [key('Dropbox')],
        [],
      ]);
      // The pixels moved to the threads rather than being copied.
      expect(frames.map((f) => f.data.byteLength)).toEqual([0, 0, 0]);
    } finally {
      await decoders.close();
    }
  });

  it.each([
    [
      'a frame with fewer pixels than its size',
      (d: ReturnType<typeof workerDecoders>) =>
        d.decode({ data: new Uint8ClampedArray(16), width: 640, height: 480 }),
      /fewer pixels than its size/,
    ],
    [
      'a thread that cannot start',
      () => workerDecoders(join(built.dir, 'missing.js')).decode(desktop(4, undefined, 64, 48)),
      /QR decoder stopped/,
    ],
  ])('refuses %s with a typed error', async (_, run, message) => {
    const decoders = workerDecoders(built.script);
    try {
      const failure = run(decoders);
      await expect(failure).rejects.toBeInstanceOf(KeyfobError);
      await expect(failure).rejects.toThrow(message);
    } finally {
      await decoders.close();
    }
  });

  it('refuses the frames being decoded or waiting when closed, and decodes again after', async () => {
    const decoders = workerDecoders(built.script, { threads: 1 });
    const refused = (f: Frame) =>
      decoders.decode(f).then(
        () => 'decoded',
        (e: Error) => e.message,
      );
    const pending = [refused(desktop(5, key('Proton'))), refused(desktop(6, key('Google')))];
    await decoders.close();
    expect(await Promise.all(pending)).toEqual([
      expect.stringMatching(/QR decoder stopped/),
      expect.stringMatching(/QR decoder stopped/),
    ]);
    const again = await decoders.decode(desktop(7, key('ACME')));
    expect(again.codes.map((c) => c.text)).toEqual([key('ACME')]);
    await decoders.close();
  });
});
