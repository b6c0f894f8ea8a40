import { describe, expect, it } from 'vitest';
import type { TokenParams } from '../../shared/otp-types';
import { validateParams } from './index';
import { inputErrorOf } from '../../test-support/core/input-field';

const totp: TokenParams = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0n };

describe('validateParams', () => {
  it.each<[string, Partial<TokenParams> | Record<string, unknown>, TokenParams]>([
    ['keeps valid TOTP', {}, totp],
    ['zeroes a TOTP counter', { counter: 99n }, totp],
    [
      'keeps an HOTP counter of 2^64−1',
      { type: 'hotp', counter: 2n ** 64n - 1n },
      { ...totp, type: 'hotp', counter: 2n ** 64n - 1n },
    ],
    [
      'converts a safe-integer number counter',
      { type: 'hotp', counter: 7 },
      { ...totp, type: 'hotp', counter: 7n },
    ],
    [
      'normalises type and algorithm spelling',
      { type: 'TOTP', algorithm: 'sha-256' },
      { ...totp, algorithm: 'SHA256' },
    ],
    [
      'forces Steam to SHA1/5/30',
      { type: 'steam', algorithm: 'SHA512', digits: 8, period: 60, counter: 3n },
      { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0n },
    ],
    ['accepts the edges 4/10 digits, 1 s', { digits: 4, period: 1 }, { ...totp, digits: 4, period: 1 }],
    ['accepts 10 digits, one day', { digits: 10, period: 86_400 }, { ...totp, digits: 10, period: 86_400 }],
  ])('%s', (_name, change, expected) => {
    expect(validateParams({ ...totp, ...change } as TokenParams)).toEqual(expected);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ type: 'motp' }, 'type'],
    [{ algorithm: 'MD5' }, 'algorithm'],
    [{ digits: 3 }, 'digits'],
    [{ digits: 11 }, 'digits'],
    [{ digits: '6' }, 'digits'],
    [{ period: 0 }, 'period'],
    [{ period: 86_401 }, 'period'],
    [{ period: 29.5 }, 'period'],
    [{ type: 'hotp', counter: -1n }, 'counter'],
    [{ type: 'hotp', counter: 2n ** 64n }, 'counter'],
    [{ type: 'hotp', counter: 2 ** 60 }, 'counter'], // an unsafe number has already lost precision
    [{ type: 'hotp', period: 0 }, 'period'],
  ])('rejects %o (field %s)', (change, field) => {
    expect(inputErrorOf(() => validateParams({ ...totp, ...change } as TokenParams)).field).toBe(field);
  });
});
