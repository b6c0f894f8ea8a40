import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/core/seeded-random';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import { codesSideBySide, drawQr, qrModules, squareQuad } from '../test-support/qr/qr-render';
import { createFrame } from '../test-support/qr/raster';
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

  it('finds nothing in a frame without a code, quickly enough for live video', async () => {
    const frame = cameraFrame(rng(), 640, 480, undefined, 0, { noise: 10 });
    expect(await decodeFrame(frame, 'fast')).toEqual({ codes: [] });
  });
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
