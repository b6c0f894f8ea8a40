import { describe, expect, it } from 'vitest';
import { generateCode, hotp, totp } from './index';
import { inputErrorOf } from '../../test-support/core/input-field';

// RFC 4226 Appendix D secret; truncated 31-bit values are listed in its table (rfc4226_appendix_d.json).
const RFC = new TextEncoder().encode('12345678901234567890');

const fieldOf = (run: () => unknown): string | undefined => inputErrorOf(run).field;

describe('code lengths', () => {
  it.each([
    { counter: 0n, digits: 10, code: '1284755224' }, // the whole 31-bit value
    { counter: 2n, digits: 10, code: '0137359152' }, // zero-padded to ten
    { counter: 7n, digits: 10, code: '0082162583' },
    { counter: 7n, digits: 9, code: '082162583' },
    { counter: 0n, digits: 4, code: '5224' },
    { counter: 9n, digits: 4, code: '0489' }, // leading zero kept
    { counter: 7n, digits: 6, code: '162583' },
    { counter: 2n ** 64n - 1n, digits: 6, code: '094451' }, // oathtool, largest counter
  ])('counter $counter, $digits digits → $code', ({ counter, digits, code }) => {
    expect(hotp(RFC, counter, 'SHA1', digits)).toBe(code);
  });

  it.each([3, 11, 0, 6.5, NaN])('rejects %s digits', (digits) => {
    expect(fieldOf(() => hotp(RFC, 0n, 'SHA1', digits))).toBe('digits');
  });
});

describe('counters and periods', () => {
  it.each([-1n, 2n ** 64n])('rejects counter %s', (counter) => {
    expect(fieldOf(() => hotp(RFC, counter, 'SHA1', 6))).toBe('counter');
  });

  // Expected codes from oathtool 2.6.7 (`--totp -s P -d 8 --now=@T`).
  it.each([
    { period: 1, atS: 1_111_111_109, code: '14510233' }, // = HOTP at counter 1111111109
    { period: 86_400, atS: 1_111_111_109, code: '00147694' }, // = HOTP at counter 12860
    { period: 30, atS: 2 ** 32, code: '59791428' }, // past 2^32 s
    { period: 30, atS: 20_000_000_000, code: '65353130' },
  ])('period $period at $atS s → $code', ({ period, atS, code }) => {
    expect(totp(RFC, { algorithm: 'SHA1', digits: 8, period }, atS * 1000 + 999)).toBe(code);
  });

  it.each([0, -30, 86_401, 1.5])('rejects period %s', (period) => {
    expect(fieldOf(() => totp(RFC, { algorithm: 'SHA1', digits: 6, period }, 0))).toBe('period');
  });

  it.each([-1, NaN, Infinity, 2 ** 64 * 1000 * 30])('rejects time %s ms', (atMs) => {
    expect(fieldOf(() => totp(RFC, { algorithm: 'SHA1', digits: 6, period: 30 }, atMs))).toBe('time');
  });

  it('reports a one-day window for period 86400', () => {
    const token = {
      secret: RFC,
      type: 'totp',
      algorithm: 'SHA1',
      digits: 8,
      period: 86_400,
      counter: 0n,
    } as const;
    expect(generateCode(token, 1_111_111_109_000)).toEqual({
      code: '00147694',
      validFromMs: 12_860 * 86_400_000,
      validUntilMs: 12_861 * 86_400_000,
    });
  });

  it('uses the HOTP counter as given and reports no window', () => {
    const token = {
      secret: RFC,
      type: 'hotp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 9n,
    } as const;
    expect(generateCode(token, 123)).toEqual({ code: '520489', validFromMs: null, validUntilMs: null });
  });
});
