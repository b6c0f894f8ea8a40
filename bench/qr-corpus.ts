import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { CorpusFrame } from '../test-support/qr/corpus';
import type { Frame } from '../qr-decoder/types';

// Saves the generated QR corpus (test-support/qr/corpus.ts) as PNG files with a manifest, to look
// at or to feed `keyfob scan`.

/** Saves every frame as PNG plus manifest.json under `dir`; returns the manifest. */
export function writeCorpus(dir: string, frames: Iterable<CorpusFrame>): object[] {
  mkdirSync(dir, { recursive: true });
  const manifest: object[] = [];
  for (const c of frames) {
    const file = `${c.set}-${c.name}.png`;
    writeFileSync(join(dir, file), encodePng(c.frame));
    manifest.push({
      file,
      set: c.set,
      group: c.group,
      condition: c.condition,
      side: c.side,
      expected: c.expected ?? null,
    });
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** A minimal RGBA PNG (filter 0, fast deflate): enough to look at the corpus or `keyfob scan` it. */
function encodePng(f: Frame): Buffer {
  const stride = f.width * 4 + 1;
  const raw = Buffer.alloc(stride * f.height);
  for (let y = 0; y < f.height; y++)
    raw.set(f.data.subarray(y * f.width * 4, (y + 1) * f.width * 4), y * stride + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(f.width, 0);
  header.writeUInt32BE(f.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const chunk = (type: string, body: Buffer) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(type, 4, 'ascii');
    body.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
    return out;
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
