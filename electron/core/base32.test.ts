import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, sameSecret } from './index';
import { inputErrorOf } from '../../test-support/core/input-field';
import { seededRandom, testSeed } from '../../test-support/core/seeded-random';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('base32', () => {
  // @see RFC 4648 §10 test vectors, encoded without padding.
  it.each([
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%s ⇄ %s', (plain, encoded) => {
    expect(base32Encode(new TextEncoder().encode(plain))).toBe(encoded);
    expect(text(base32Decode(encoded))).toBe(plain);
    expect(text(base32Decode(`${encoded.toLowerCase()}${'='.repeat((8 - (encoded.length % 8)) % 8)}`))).toBe(
      plain,
    );
  });

  it.each([
    ['groups of four with spaces', 'mzxw 6ytb oi'],
    ['dashes', 'MZXW-6YTB-OI'],
    ['tabs, newlines, no-break spaces', '\tMZXW\u00a06YTB\nOI\r\n'],
    ['over-padding', 'MZXW6YTBOI=========='],
  ])('normalises %s', (_name, input) => {
    expect(text(base32Decode(input))).toBe('foobar');
  });

  it.each([
    ['', 'is empty'],
    ['====', 'is empty'],
    ['A', 'too short'],
    ['MZXW6YT1', "contains '1'"],
    ['MZXW=6YT', "contains '='"],
    ['MZXW\u200b6YTB', 'contains U+200B'],
  ])('rejects %j (%s), naming the field it is given', (input, words) => {
    const error = inputErrorOf(() => base32Decode(input, 'key'));
    expect(error.field).toBe('key');
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/^Key /u);
  });

  it('round-trips 500 random byte strings', () => {
    const seed = testSeed();
    const rnd = seededRandom(seed);
    for (let i = 0; i < 500; i++) {
      const bytes = rnd.bytes(rnd.int(1, 100));
      const encoded = base32Encode(bytes);
      expect(encoded, `seed ${seed}`).toMatch(/^[A-Z2-7]+$/u);
      expect(base32Decode(encoded), `seed ${seed}, case ${i}`).toEqual(bytes);
    }
  });
});

describe('sameSecret', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[1, 2, 3], [1, 2], false],
    [[], [], true],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameSecret(Uint8Array.from(a), Uint8Array.from(b))).toBe(same);
  });
});
