/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barAnimationTiming, countdownColour, secondsLeftText, windowAt } from './countdown';

const T0 = 1_700_000_010_000; // a 30 s boundary (1_700_000_010 is divisible by 30)

describe('windowAt', () => {
  it.each([
    [0, 30, 0],
    [1_000, 29, 1 / 30],
    [12_500, 18, 12.5 / 30],
    [29_001, 1, 29.001 / 30],
    [29_999, 1, 29.999 / 30],
    // Past the end (a snapshot not yet refreshed) the next period is counted, like the bar.
    [30_000, 30, 0],
    [31_000, 29, 1 / 30],
    [-5_000, 5, 25 / 30],
  ])('%i ms into the window → %i s left', (offset, secondsLeft, elapsed) => {
    const w = windowAt(T0, T0 + 30_000, T0 + offset);
    expect(w.secondsLeft).toBe(secondsLeft);
    expect(w.elapsed).toBeCloseTo(elapsed, 6);
  });
});

describe('barAnimationTiming', () => {
  it.each([
    [30_000, 0, '30000ms', '0ms'],
    [30_000, 12_000, '30000ms', '-12000ms'],
    [60_000, 59_500, '60000ms', '-59500ms'],
    // A stale snapshot still lines up with the wall clock: the animation is periodic.
    [30_000, 31_000, '30000ms', '-1000ms'],
  ])('period %i, %i ms in → %s / %s', (period, offset, duration, delay) => {
    expect(barAnimationTiming(T0, T0 + period, T0 + offset)).toEqual({ duration, delay });
  });
});

describe('countdownColour', () => {
  it.each([
    [0, [22, 163, 74]],
    [0.3, [120, 152, 40]],
    [0.6, [217, 140, 6]],
    [0.8, [219, 89, 22]],
    [1, [220, 38, 38]],
    [1.5, [220, 38, 38]],
    [-1, [22, 163, 74]],
  ])('%f elapsed → rgb%j', (elapsed, rgb) => {
    expect(countdownColour(elapsed)).toEqual(rgb);
  });

  it('is never animated per frame by styles/countdown.css: its keyframes only transform', () => {
    const css = readFileSync(join(__dirname, '../styles/countdown.css'), 'utf8');
    const keyframes = [...css.matchAll(/@keyframes [\w-]+ \{([\s\S]*?)\n\}/g)].map((m) => m[1] ?? '');
    expect(keyframes.length).toBeGreaterThan(0);
    for (const block of keyframes) {
      const properties = [...block.matchAll(/([\w-]+):/g)].map((m) => m[1]);
      expect(new Set(properties)).toEqual(new Set(['transform']));
    }
  });
});

describe('secondsLeftText', () => {
  it.each([
    [30, '30 seconds left'],
    [2, '2 seconds left'],
    [1, '1 second left'],
  ])('%i → %s', (n, text) => {
    expect(secondsLeftText(n)).toBe(text);
  });
});
