import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/core/seeded-random';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import { codesSideBySide, drawQr, qrModules, squareQuad } from '../test-support/qr/qr-render';
import { createFrame } from '../test-support/qr/raster';
import { WEBCAMS, webcamFrame, type Webcam } from '../test-support/qr/corpus';
import { cameraFrame, screenFrame, type CameraConditions } from '../test-support/qr/scenes';
import { decodeFrame, firstPassFor, THRESHOLD_PASS } from './decode-frame';

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const rng = () => seededRandom(4242);

beforeAll(() => loadZxingWasmFile());

describe('decodeFrame on camera-like frames', () => {
  it.each<[string, CameraConditions]>([
    ['clean', {}],
    ['rotated 45°', { rotate: 45 }],
    ['in perspective', { tilt: 0.2, rotate: 10 }],
    ['blurred', { blur: 1.2 }],
    ['noisy', { noise: 20 }],
    ['dim and washed out', { contrast: 0.3, mid: 45 }],
    ['unevenly lit', { uneven: 0.7 }],
    ['JPEG-compressed', { jpeg: 30 }],
    ['light on dark (phone in dark mode)', { inverted: true }],
  ])('reads a 640×480 frame, %s', async (_, conditions) => {
    const out = await decodeFrame(cameraFrame(rng(), 640, 480, GITHUB, 260, conditions));
    expect(out.codes.map((c) => c.text)).toEqual([GITHUB]);
    expect(out.codes[0]?.kind).toBe('otpauth');
    expect(out.codes[0]?.inverted).toBe(conditions.inverted === true);
  });

  // Six frames of each of the strongest blur conditions, as the live webcam loop decodes them.
  // Plain zxing-wasm reads about half of these (the benchmark prints both side by side).
  it.each(['blur-heavy', 'defocus-strong', 'motion-strong', 'blur-noise-dark'])(
    'reads strongly blurred frames (%s) frame by frame, nothing but their codes',
    async (condition) => {
      const random = rng();
      for (let s = 0; s < 6; s++) {
        const c = webcamFrame(random, 'tuning', WEBCAMS[0] as Webcam, condition, s);
        const out = await decodeFrame(c.frame, 'fast');
        expect(
          out.codes.map((code) => code.text),
          c.name,
        ).toEqual([c.expected]);
      }
    },
  );
});

describe('decodeFrame on frames without a code', () => {
  it.each<[number, number, CameraConditions]>([
    [640, 480, { noise: 10 }],
    [640, 480, { noise: 20, blur: 1.5 }],
    [1280, 720, { jpeg: 25, uneven: 0.5 }],
  ])('finds nothing in a %i×%i camera frame (%o), fast or thorough', async (width, height, conditions) => {
    const frame = cameraFrame(rng(), width, height, undefined, 0, conditions);
    expect(await decodeFrame(frame, 'fast')).toEqual({ codes: [] });
    expect(await decodeFrame(frame, 'thorough')).toEqual({ codes: [] });
  });

  it.each(['light', 'dark', 'inverted'] as const)(
    'finds nothing on a 2560×1440 %s desktop',
    async (theme) => {
      expect(await decodeFrame(screenFrame(rng(), 2560, 1440, undefined, 0, theme, true))).toEqual({
        codes: [],
      });
    },
  );
});

describe('decodeFrame on screenshots', () => {
  it.each([
    ['a 120 px code in a 5120×1440 two-monitor capture', 5120, 1440, 120, 'light'],
    ['a 150 px light-on-dark code in 3840×2160', 3840, 2160, 150, 'inverted'],
    ['a code on a white card in a dark 1920×1080 desktop', 1920, 1080, 200, 'dark'],
  ] as const)('finds %s', async (_, width, height, side, theme) => {
    const out = await decodeFrame(screenFrame(rng(), width, height, GITHUB, side, theme, true));
    expect(out.codes.map((c) => c.text)).toEqual([GITHUB]);
    expect(firstPassFor(width, height)).toBe(THRESHOLD_PASS);
  });

  it('outlines the code where it was drawn', async () => {
    const frame = createFrame(800, 600, [255, 255, 255]);
    const m = qrModules(GITHUB);
    const side = 6 * (m.size + 8); // 6 px a module
    drawQr(frame, m, squareQuad(500, 250, side), { dark: [0, 0, 0], light: [255, 255, 255], samples: 1 });
    const [code] = (await decodeFrame(frame)).codes;
    const inner = (m.size * 6) / 2; // corners are the symbol's, inside the quiet zone
    expect(code?.corners.topLeft.x).toBeCloseTo(500 - inner, -1);
    expect(code?.corners.topLeft.y).toBeCloseTo(250 - inner, -1);
    expect(code?.corners.bottomRight.x).toBeCloseTo(500 + inner, -1);
    expect(code?.corners.bottomRight.y).toBeCloseTo(250 + inner, -1);
  });
});

describe('what the codes hold, by scheme', () => {
  // Whether a key or transfer code parses is main's to say: the decoder looks at the scheme only.
  it.each([
    { kind: 'otpauth', text: 'otpauth://totp/Bank:me?secret=NOT-BASE32-1890' },
    { kind: 'migration', text: 'otpauth-migration://offline?data=AAAA%%' },
    { kind: 'otpauth', text: 'steam://JBSWY3DPEHPK3PXP' },
    { kind: 'text', text: 'hello world' },
  ])('calls $text $kind', async ({ text, kind }) => {
    expect((await decodeFrame(codesSideBySide(text))).codes).toEqual([
      { text, kind, corners: expect.any(Object), inverted: false },
    ]);
  });

  it('keeps looking past a web link for the key beside it', async () => {
    const out = await decodeFrame(codesSideBySide('https://example.com/help', GITHUB));
    expect(out.codes.map((c) => c.kind).sort()).toEqual(['link', 'otpauth']);
  });
});
