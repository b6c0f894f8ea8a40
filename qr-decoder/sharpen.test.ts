import { describe, expect, it } from 'vitest';
import { filterPlane, gaussian, type Filter } from './sharpen';

// The sharpening behind the blurred-frame passes, on planes whose answer is known.

const W = 64;
const H = 48;

/** Sum, mean position and spread (standard deviation) of a plane along x, its rows added up. */
function profile(p: Float32Array): { sum: number; centre: number; spread: number } {
  let sum = 0;
  let first = 0;
  let second = 0;
  for (let i = 0; i < p.length; i++) {
    const x = i % W;
    const v = p[i] ?? 0;
    sum += v;
    first += v * x;
    second += v * x * x;
  }
  const centre = first / sum;
  return { sum, centre, spread: Math.sqrt(second / sum - centre * centre) };
}

describe('gaussian', () => {
  it.each([0.8, 1.2, 1.6, 2, 2.4, 3.5, 5])(
    'spreads a vertical line by σ %s px and keeps its total',
    (sigma) => {
      const line = new Float32Array(W * H);
      for (let y = 0; y < H; y++) line[y * W + 32] = 100;
      const out = profile(gaussian(line, W, H, sigma));
      expect(out.sum).toBeCloseTo(100 * H, 0);
      expect(out.centre).toBeCloseTo(32, 1);
      expect(out.spread).toBeGreaterThan(sigma * 0.85);
      expect(out.spread).toBeLessThan(sigma * 1.15);
    },
  );

  it.each([0.8, 3.5])('leaves a flat plane as it was (σ %s)', (sigma) => {
    const flat = new Float32Array(W * H).fill(77);
    expect(Math.max(...gaussian(flat, W, H, sigma).map((v) => Math.abs(v - 77)))).toBeLessThan(1e-3);
  });
});

/** Light and dark stripes `module` px wide, blurred by σ = `blur` × module (a defocused code). */
function blurredStripes(module: number, blur: number): Uint8Array {
  const stripes = new Float32Array(W * H);
  for (let i = 0; i < stripes.length; i++) stripes[i] = Math.floor((i % W) / module) % 2 === 0 ? 40 : 215;
  return Uint8Array.from(gaussian(stripes, W, H, blur * module));
}

/** Max − min across the middle of the middle row (the edges repeat and do not count). */
function contrast(p: Uint8Array): number {
  const row = p.subarray((H / 2) * W + 16, (H / 2) * W + 48);
  return Math.max(...row) - Math.min(...row);
}

describe('filterPlane', () => {
  it.each<Filter>(['sharpen', 'sharpen-hard', 'denoise-sharpen'])(
    '%s restores the contrast blur took from neighbouring modules',
    (filter) => {
      const module = 4;
      const blurred = blurredStripes(module, 0.5);
      const sharpened = filterPlane(blurred, W, H, module, filter);
      expect(contrast(blurred)).toBeLessThan(80); // of the 175 drawn
      expect(contrast(sharpened)).toBeGreaterThan(contrast(blurred) * 1.5);
    },
  );

  it('leaves a flat plane flat', () => {
    const flat = new Uint8Array(W * H).fill(128);
    expect(new Set(filterPlane(flat, W, H, 4, 'sharpen-hard'))).toEqual(new Set([128]));
  });
});
