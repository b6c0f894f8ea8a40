import { base32Encode } from '../../electron/core';
import { seededRandom, type SeededRandom } from '../core/seeded-random';
import { formatMigrationUris } from '../../electron/formats/google-migration/writer';
import type { Frame } from '../../qr-decoder/types';
import { CONDITIONS } from './corpus-conditions';
import { qrModules, type Quad } from './qr-render';
import { cameraFrame, cameraScene, screenFrame, screenScene, type Theme } from './scenes';

// The QR corpus, generated (never committed) from a seed: webcam-like frames over the condition
// grid (corpus-conditions.ts), screenshots from 1920×1080 to 5120×1440 in light, dark and inverted
// themes, and frames without any code at every size. Two sets with the same structure: `tuning`,
// which the decoder's passes were chosen on, and `held-out`, from another seed, which they never
// were — its figures say how the choices carry over to frames nobody looked at.

/** The two halves of the corpus. */
export type CorpusSet = 'tuning' | 'held-out';

/** The seed each set is generated from. */
export const CORPUS_SEEDS: Record<CorpusSet, number> = { tuning: 20_240_404, 'held-out': 19_700_101 };

/** One corpus image and what it encodes (undefined: no code at all, so any decode is wrong). */
export interface CorpusFrame {
  /** Unique within a set, e.g. "webcam-640x480-defocus-3". */
  name: string;
  set: CorpusSet;
  /** Timing and found-rate class, e.g. "webcam-640x480", "screen-3840x2160", "none-1920x1080". */
  group: string;
  /** Webcam condition, screen theme, or what a codeless frame shows. */
  condition: string;
  /** One of the blur conditions. */
  blur: boolean;
  expected: string | undefined;
  /** Side of the code in px, quiet zone included (0 without a code). */
  side: number;
  /** Where the code is, quiet zone included. */
  code: Quad | undefined;
  frame: Frame;
}

/** A webcam class: frame size, frames per condition, and module sizes in px. */
export interface Webcam {
  width: number;
  height: number;
  seeds: number;
  module: readonly [number, number];
}

/** Webcam classes: frames per condition, and module sizes in px (a code held close fills more). */
export const WEBCAMS: readonly Webcam[] = [
  { width: 640, height: 480, seeds: 8, module: [3, 6] },
  { width: 1280, height: 720, seeds: 4, module: [4.5, 10] },
] as const;
/** Display sizes, shared by the screenshots and the codeless frames. */
export const SCREENS = [
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [5120, 1440],
] as const;
const THEMES: Theme[] = ['light', 'dark', 'inverted'];
const CODELESS_CAMERA = [{ noise: 10 }, { noise: 20, blur: 1.5 }, { jpeg: 25, uneven: 0.5 }] as const;

/** Generates one set lazily (a 5120×1440 frame is 29 MB), the same frames for the same set every time. */
export function* qrCorpus(set: CorpusSet = 'tuning'): Generator<CorpusFrame> {
  const rng = seededRandom(CORPUS_SEEDS[set]);
  for (const cam of WEBCAMS) {
    for (const condition of Object.keys(CONDITIONS)) {
      for (let s = 0; s < cam.seeds; s++) yield webcamFrame(rng, set, cam, condition, s);
    }
  }
  for (const [width, height] of SCREENS) {
    const group = `screen-${width}x${height}`;
    for (const theme of THEMES) {
      for (let s = 0; s < 4; s++) {
        // One code in four is 120 px (a small QR on a big screen); the rest 150–250 px.
        const side = s === 3 ? 120 : rng.int(150, 250);
        const text = s === 2 ? migrationUri(rng, 3) : keyUri(rng);
        const { frame, code } = screenScene(rng, width, height, text, side, theme, s % 2 === 0);
        const name = `${group}-${theme}-${s}`;
        yield { name, set, group, condition: theme, blur: false, expected: text, side, code, frame };
      }
    }
  }
  yield* codeless(set, rng);
}

/** The `s`-th frame of a webcam class under one of the {@link CONDITIONS}. */
export function webcamFrame(
  rng: SeededRandom,
  set: CorpusSet,
  cam: Webcam,
  condition: string,
  s: number,
): CorpusFrame {
  const c = CONDITIONS[condition];
  if (c === undefined) throw new Error(`No webcam condition "${condition}".`);
  const group = `webcam-${cam.width}x${cam.height}`;
  // One code in four a Google Authenticator transfer code, the rest a key URI.
  const text = s % 4 === 3 ? migrationUri(rng) : keyUri(rng);
  const total = qrModules(text).size + 8; // quiet zone included
  const [lo, hi] = c.module ?? cam.module;
  // At most 65 % of the frame's height, so a code turned 45° still fits in the frame.
  const module = Math.min(lo + (hi - lo) * rng.next(), (0.65 * cam.height) / total);
  const side = Math.round(module * total);
  const { frame, code } = cameraScene(rng, cam.width, cam.height, text, side, c.make(rng, module));
  const name = `${group}-${condition}-${s}`;
  return { name, set, group, condition, blur: c.blur, expected: text, side, code, frame };
}

/** Frames without any code at every size: webcam views of a desk, then desktops. */
function* codeless(set: CorpusSet, rng: SeededRandom): Generator<CorpusFrame> {
  const base = { set, blur: false, expected: undefined, side: 0, code: undefined };
  for (const cam of WEBCAMS) {
    const group = `none-${cam.width}x${cam.height}`;
    for (let s = 0; s < 6; s++) {
      const conditions = CODELESS_CAMERA[s % CODELESS_CAMERA.length] ?? {};
      const frame = cameraFrame(rng, cam.width, cam.height, undefined, 0, conditions);
      yield { ...base, name: `${group}-camera-${s}`, group, condition: 'camera', frame };
    }
  }
  for (const [width, height] of SCREENS) {
    const group = `none-${width}x${height}`;
    for (let s = 0; s < 6; s++) {
      const theme = THEMES[s % THEMES.length] ?? 'light';
      const frame = screenFrame(rng, width, height, undefined, 0, theme, true);
      yield { ...base, name: `${group}-${theme}-${s}`, group, condition: theme, frame };
    }
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

/** A realistic key URI: 80–260 characters (some sites add a logo URL), so QR versions 5–12. */
export function keyUri(rng: SeededRandom): string {
  const issuer = rng.pick(ISSUERS);
  const secret = base32Encode(rng.bytes(rng.pick([10, 16, 20, 32])));
  const extra = rng.next() < 0.3 ? `&algorithm=SHA256&digits=8&period=${rng.pick([30, 60])}` : '';
  const logo =
    rng.next() < 0.15
      ? `&image=${encodeURIComponent(`https://${issuer.replace(/\W/gu, '')}.example/logo.png`)}`
      : '';
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(rng.pick(USERS))}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}${logo}`;
}

/** A Google Authenticator transfer code of 1 to `most` accounts (10 at most per code): QR versions 8–20. */
export function migrationUri(rng: SeededRandom, most = 10): string {
  const tokens = Array.from({ length: rng.int(1, most) }, () => ({
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
