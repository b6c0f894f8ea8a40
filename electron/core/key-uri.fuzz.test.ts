import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from '../../shared/otp-types';
import { assertTypedError, fuzz, fuzzTimeout, mutatedBytes } from '../../test-support/fuzz/fuzz';
import { MAX_SECRET_BYTES, formatKeyUri, parseKeyUri } from './index';
import { MAX_DIGITS, MAX_PERIOD, MIN_DIGITS } from './params';

// Fuzzing the key URI parser: any text either parses into a token that passes every check and
// survives a format → parse round trip, or fails with a one-line KeyfobError.

const lines = (file: string) =>
  readFileSync(join(__dirname, '../formats/testdata/files', file), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('otpauth') || l.startsWith('steam'));
const REAL = [...lines('ente-auth.txt'), ...lines('keyfob-otpauth.txt')];

/** Checks a parse: a valid token that round-trips, or a typed one-line error. */
function checkParse(text: string): void {
  let token: Token;
  try {
    token = parseKeyUri(text);
  } catch (e) {
    assertTypedError(e);
    return;
  }
  expect(['totp', 'hotp', 'steam']).toContain(token.type);
  expect(['SHA1', 'SHA256', 'SHA512']).toContain(token.algorithm);
  expect(token.digits).toBeGreaterThanOrEqual(MIN_DIGITS);
  expect(token.digits).toBeLessThanOrEqual(MAX_DIGITS);
  expect(token.period).toBeGreaterThanOrEqual(1);
  expect(token.period).toBeLessThanOrEqual(MAX_PERIOD);
  expect(token.counter).toBeGreaterThanOrEqual(0n);
  expect(token.counter).toBeLessThan(2n ** 64n);
  expect(token.secret.length).toBeGreaterThan(0);
  expect(token.secret.length).toBeLessThanOrEqual(MAX_SECRET_BYTES);
  expect(token.issuer).toBe(token.issuer.trim());
  expect(token.account).toBe(token.account.trim());
  expect(parseKeyUri(formatKeyUri(token))).toEqual(token);
}

const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    '',
    ':',
    '%',
    '%3A',
    '%ZZ',
    '%C3%28',
    '%F0%9F',
    '+',
    '&',
    '=',
    '?',
    '/',
    '#',
    ' ',
    '\u0000',
  ),
);
const maybeEncoded = fc.tuple(piece, fc.boolean()).map(([s, enc]) => (enc ? encodeURIComponent(s) : s));
const value = fc.oneof(
  maybeEncoded,
  fc.stringMatching(/^[A-Za-z2-7= -]{0,48}$/),
  fc.integer({ min: -100, max: 100_000 }).map(String),
  fc.bigInt({ min: -1n, max: 2n ** 65n }).map(String),
  fc.double().map(String),
  fc.constantFrom('SHA1', 'sha256', 'SHA-512', 'MD5', 'steam', '6', '8', '30', '1e3', '0x10', ' 7 '),
);
const param = fc
  .tuple(
    fc.constantFrom(
      'secret',
      'issuer',
      'algorithm',
      'digits',
      'period',
      'counter',
      'encoder',
      'image',
      'SECRET',
      'x',
    ),
    value,
  )
  .map(([k, v]) => `${k}=${v}`);

/** URIs put together from plausible and implausible pieces. */
const builtUri = fc
  .record({
    scheme: fc.constantFrom('otpauth', 'OTPAUTH', 'steam', 'otpauth-migration', 'http', ''),
    type: fc.oneof(fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', 'Hotp', ''), piece),
    issuer: maybeEncoded,
    account: maybeEncoded,
    colon: fc.constantFrom(':', '%3A', ''),
    params: fc.array(param, { maxLength: 8 }),
  })
  .map((u) => `${u.scheme}://${u.type}/${u.issuer}${u.colon}${u.account}?${u.params.join('&')}`);

const utf8 = new TextEncoder();
const text = new TextDecoder();

describe('key URI parser fuzz', () => {
  it(
    'built URIs: a valid, round-tripping token or a one-line error',
    async () => {
      await fuzz('key-uri.built', builtUri, checkParse, 3_000);
    },
    fuzzTimeout(3_000),
  );

  it(
    'real URIs with bytes changed',
    async () => {
      const mutated = fc
        .constantFrom(...REAL)
        .chain((uri) => mutatedBytes(utf8.encode(uri), 6))
        .map((b) => text.decode(b));
      await fuzz('key-uri.mutated', mutated, checkParse, 3_000);
    },
    fuzzTimeout(3_000),
  );

  it(
    'any text at all',
    async () => {
      const any = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: 'binary', maxLength: 400 }).map((s) => `otpauth://${s}`),
      );
      await fuzz('key-uri.text', any, checkParse, 3_000, 2_000);
    },
    fuzzTimeout(2_000),
  );
});
