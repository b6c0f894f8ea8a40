import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { base32Encode } from '../electron/core';
import { seededRandom, type SeededRandom } from '../test-support/core/seeded-random';
import { formatMigrationUris } from '../electron/formats/google-migration/writer';
import { cameraFrame, screenFrame, type CameraConditions, type Theme } from '../test-support/qr/scenes';
import type { Frame } from '../qr-decoder/types';

// The QR benchmark corpus, generated (never committed): webcam-like frames over a grid of camera
// conditions, and screenshots from 1920×1080 to 5120×1440 with light, dark and inverted themes.
// The same seed always gives the same images. `writeCorpus` saves them as PNG under out/qr-corpus/
// with a manifest, to look at or to feed `keyfob scan`.

/** One corpus image and what it encodes (undefined: no code at all, so any decode is wrong). */
export interface CorpusFrame {
  name: string;
  /** Timing and found-rate class, e.g. "webcam-640x480", "screen-3840x2160". */
  group: string;
  /** Camera condition or screen theme, for the per-condition breakdown. */
  condition: string;
  expected: string | undefined;
  /** Side of the code in px, quiet zone included (0 without a code). */
  side: number;
  frame: Frame;
}

/** The webcam conditions grid. */
export const CONDITIONS: Record<string, CameraConditions> = {
  clean: {},
  rotated: { rotate: 35 },
  'rotated-steep': { rotate: 80 },
  blur: { blur: 1.5 },
  'blur-heavy': { blur: 2.5 },
  noise: { noise: 15 },
  'noise-heavy': { noise: 30 },
  'low-contrast': { contrast: 0.25 },
  dim: { contrast: 0.3, mid: 45 },
  perspective: { tilt: 0.2, rotate: 10 },
  'uneven-light': { uneven: 0.75 },
  jpeg: { jpeg: 25 },
  inverted: { inverted: true },
  combined: { rotate: 20, tilt: 0.1, blur: 1, noise: 10, uneven: 0.4, jpeg: 50 },
};

const WEBCAMS = [
  { width: 640, height: 480, seeds: 8, side: [150, 320] },
  { width: 1280, height: 720, seeds: 4, side: [260, 600] },
] as const;
const SCREENS = [
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [5120, 1440],
] as const;
const THEMES: Theme[] = ['light', 'dark', 'inverted'];

/** Generates the whole corpus lazily (a 5120×1440 frame is 29 MB), deterministic for a seed. */
export function* qrCorpus(seed = 20_240_404): Generator<CorpusFrame> {
  const rng = seededRandom(seed);
  for (const cam of WEBCAMS) {
    const group = `webcam-${cam.width}x${cam.height}`;
    for (const [condition, c] of Object.entries(CONDITIONS)) {
      for (let s = 0; s < cam.seeds; s++) {
        const text = keyUri(rng);
        const side = rng.int(cam.side[0], cam.side[1]);
        const frame = cameraFrame(rng, cam.width, cam.height, text, side, c);
        yield { name: `${group}-${condition}-${s}`, group, condition, expected: text, side, frame };
      }
    }
  }
  for (const [width, height] of SCREENS) {
    const group = `screen-${width}x${height}`;
    for (const theme of THEMES) {
      for (let s = 0; s < 4; s++) {
        // One code in four is 120 px (a small QR on a big screen); the rest 150–250 px.
        const side = s === 3 ? 120 : rng.int(150, 250);
        const text = s === 2 ? migrationUri(rng) : keyUri(rng);
        const frame = screenFrame(rng, width, height, text, side, theme, s % 2 === 0);
        yield { name: `${group}-${theme}-${s}`, group, condition: theme, expected: text, side, frame };
      }
    }
  }
  // Frames without any code: every decode from them is a wrong decode.
  for (let s = 0; s < 4; s++) {
    const frame = screenFrame(rng, 1920, 1080, undefined, 0, THEMES[s % 3] ?? 'light', true);
    yield {
      name: `none-screen-${s}`,
      group: 'none',
      condition: 'screen',
      expected: undefined,
      side: 0,
      frame,
    };
    const cam = cameraFrame(rng, 640, 480, undefined, 0, { noise: 10 });
    yield {
      name: `none-webcam-${s}`,
      group: 'none',
      condition: 'webcam',
      expected: undefined,
      side: 0,
      frame: cam,
    };
  }
}

const ISSUERS = [
  'GitHub',
  'Google',
  'ACME Co',
  'Amazon Web Services',
  'Dropbox',
  'Proton',
  'Société Générale',
];
const USERS = ['alice@example.com', 'bob', 'ops-team+2fa@corp.example', 'j.doe', 'Ünïcödé user'];

/** A realistic key URI: 80–200 characters, so QR versions 5–10. */
export function keyUri(rng: SeededRandom): string {
  const issuer = rng.pick(ISSUERS);
  const secret = base32Encode(rng.bytes(rng.pick([10, 16, 20, 32])));
  const extra = rng.next() < 0.3 ? `&algorithm=SHA256&digits=8&period=${rng.pick([30, 60])}` : '';
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(rng.pick(USERS))}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}`;
}

/** A Google Authenticator transfer code of 1–3 accounts (denser: QR versions 8–14). */
function migrationUri(rng: SeededRandom): string {
  const tokens = Array.from({ length: rng.int(1, 3) }, () => ({
    type: 'totp' as const,
    algorithm: 'SHA1' as const,
    digits: 6,
    period: 30,
    counter: 0n,
    issuer: rng.pick(ISSUERS),
    account: rng.pick(USERS),
    secret: rng.bytes(20),
  }));
  return formatMigrationUris(tokens, rng.int(-(2 ** 31), 2 ** 31 - 1))[0] ?? '';
}

/** Saves every frame as PNG plus manifest.json under `dir`; returns the manifest. */
export function writeCorpus(dir: string, frames: Iterable<CorpusFrame>): object[] {
  mkdirSync(dir, { recursive: true });
  const manifest: object[] = [];
  for (const c of frames) {
    const file = `${c.name}.png`;
    writeFileSync(join(dir, file), encodePng(c.frame));
    manifest.push({
      file,
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
