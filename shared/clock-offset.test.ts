import { describe, expect, it } from 'vitest';
import { clockSentence, offsetAmount } from './clock-offset';

describe('offsetAmount', () => {
  it.each([
    [0, '0 ms'],
    [849.6, '850 ms'],
    [-999.4, '999 ms'],
    [999.6, '1 s'],
    [42_400, '42 s'],
    [59_499, '59 s'],
    [59_500, '1 min'],
    [134_000, '2 min 14 s'],
    [-134_000, '2 min 14 s'],
    [3_600_000, '1 h'],
    [(3 * 3600 + 5 * 60 + 10) * 1000, '3 h 5 min'],
    [86_400_000, '1 day'],
    [(2 * 86_400 + 4 * 3600 + 600) * 1000, '2 days 4 h'],
  ])('%d ms → %s', (ms, text) => {
    expect(offsetAmount(ms)).toBe(text);
  });
});

describe('clockSentence', () => {
  it.each([
    [134_000, undefined, "Your computer's clock is 2 min 14 s slow"],
    [-11_000, undefined, "Your computer's clock is 11 s fast"],
    [0.2, undefined, "Your computer's clock is right"],
    [42, 'This computer’s', 'This computer’s clock is 42 ms slow'],
  ])('%d ms (%s) → %s', (ms, whose, text) => {
    expect(clockSentence(ms, whose)).toBe(text);
  });
});
