import { beforeAll, describe, expect, it } from 'vitest';
import { loadZxingWasmFile } from '../electron/qr/load-wasm';
import { seededRandom } from '../test-support/core/seeded-random';
import { CONDITIONS } from '../test-support/qr/corpus-conditions';
import { SCREENS, WEBCAMS, webcamFrame } from '../test-support/qr/corpus';
import { drawQr, qrModules, squareQuad, type Quad } from '../test-support/qr/qr-render';
import { createFrame } from '../test-support/qr/raster';
import { screenScene, type Theme } from '../test-support/qr/scenes';
import { LARGE_FRAME } from './decode-frame';
import { codeRegions, type CodeRegion } from './code-regions';
import { findFinderSpots } from './finder-gate';
import type { Frame } from './types';
import { loadLuminance, planeBytes, zxingModule } from './zxing-pixmap';

// The finder gate on generated frames: it must keep every code inside a region it picks (a code
// outside would be lost to every later pass), and find nothing on desktops without a code (so
// such frames end after one zxing pass).

beforeAll(() => loadZxingWasmFile());

/** The gate's regions for a frame, as decodeFrame asks for them. */
async function regions(f: Frame): Promise<CodeRegion[]> {
  const m = await zxingModule();
  const lum = planeBytes(m, loadLuminance(m, f)).slice();
  const small = f.width * f.height <= LARGE_FRAME;
  return codeRegions(findFinderSpots(lum, f.width, f.height), f.width, f.height, { minSpots: small ? 1 : 2 });
}

function holds(rs: CodeRegion[], code: Quad | undefined): boolean {
  if (code === undefined) return false;
  const x = (code[0].x + code[2].x) / 2;
  const y = (code[0].y + code[2].y) / 2;
  return rs.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
}

describe('the finder gate keeps every code in a region', () => {
  // Frames of every condition (two at 640×480, one at 1280×720), from a seed the benchmark corpus does not use.
  const cases = WEBCAMS.flatMap((cam) =>
    Object.keys(CONDITIONS).map((condition) => [`${cam.width}×${cam.height}`, condition, cam] as const),
  );
  it.each(cases)('webcam %s, %s', async (_, condition, cam) => {
    const rng = seededRandom(31_337);
    for (let s = 0; s < (cam.width > 640 ? 1 : 2); s++) {
      const c = webcamFrame(rng, 'tuning', cam, condition, s);
      expect(holds(await regions(c.frame), c.code), c.name).toBe(true);
    }
  });

  it.each(
    SCREENS.flatMap(([w, h]) => (['light', 'dark', 'inverted'] as Theme[]).map((t) => [w, h, t] as const)),
  )('a 120 px code on a %i×%i %s desktop', async (width, height, theme) => {
    const rng = seededRandom(width + height);
    const text = 'otpauth://totp/ACME:bob?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ACME';
    const { frame, code } = screenScene(rng, width, height, text, 120, theme, false);
    expect(holds(await regions(frame), code)).toBe(true);
  });
});

describe('the finder gate on frames without a code', () => {
  it.each(
    SCREENS.flatMap(([w, h]) => (['light', 'dark', 'inverted'] as Theme[]).map((t) => [w, h, t] as const)),
  )('finds no region on a %i×%i %s desktop', async (width, height, theme) => {
    const { frame } = screenScene(seededRandom(width * 7 + height), width, height, undefined, 0, theme, true);
    expect(await regions(frame)).toEqual([]);
  });
});

describe('finder spots', () => {
  it.each([2, 3, 5, 8])('measure the module size of a crisp code drawn at %i px a module', async (module) => {
    const text = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP';
    const m = qrModules(text);
    const frame = createFrame(640, 480, [255, 255, 255]);
    drawQr(frame, m, squareQuad(320, 240, module * (m.size + 8)), {
      dark: [0, 0, 0],
      light: [255, 255, 255],
      samples: 1,
    });
    const [region] = await regions(frame);
    expect(region?.module).toBeGreaterThan(module * 0.75);
    expect(region?.module).toBeLessThan(module * 1.3);
  });
});
