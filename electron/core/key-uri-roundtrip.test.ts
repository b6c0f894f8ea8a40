import { describe, expect, it } from 'vitest';
import type { Algorithm, OtpType, Token } from '../../shared/otp-types';
import { base32Decode, formatKeyUri, parseKeyUri } from './index';
import { inputErrorOf } from '../../test-support/core/input-field';
import { type SeededRandom, seededRandom, testSeed } from '../../test-support/core/seeded-random';

const SECRET = base32Decode('JBSWY3DPEHPK3PXP');
const base: Token = {
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0n,
  issuer: 'Example',
  account: 'alice@example.com',
  secret: SECRET,
};

describe('formatKeyUri', () => {
  it.each<[string, Partial<Token>, string]>([
    [
      'defaults left out',
      {},
      'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    ],
    [
      'non-defaults spelled out',
      { algorithm: 'SHA512', digits: 8, period: 60 },
      'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA512&digits=8&period=60',
    ],
    [
      'hotp always has its counter',
      { type: 'hotp', counter: 2n ** 64n - 1n },
      'otpauth://hotp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&counter=18446744073709551615',
    ],
    [
      'hotp counter 0',
      { type: 'hotp' },
      'otpauth://hotp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&counter=0',
    ],
    [
      'steam as otpauth://steam, no params',
      { type: 'steam', issuer: 'Steam', account: 'gamer', digits: 8 },
      'otpauth://steam/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam',
    ],
    [
      'colon and spaces encoded',
      { issuer: 'ACME: Corp', account: 'a b' },
      'otpauth://totp/ACME%3A%20Corp:a%20b?secret=JBSWY3DPEHPK3PXP&issuer=ACME%3A%20Corp',
    ],
    ['no issuer', { issuer: '' }, 'otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP'],
    [
      'no issuer, colon in account',
      { issuer: '', account: 'a:b' },
      'otpauth://totp/:a%3Ab?secret=JBSWY3DPEHPK3PXP',
    ],
    [
      'non-ASCII as UTF-8',
      { issuer: 'Büro', account: '日本' },
      'otpauth://totp/B%C3%BCro:%E6%97%A5%E6%9C%AC?secret=JBSWY3DPEHPK3PXP&issuer=B%C3%BCro',
    ],
  ])('%s', (_name, change, uri) => {
    expect(formatKeyUri({ ...base, ...change })).toBe(uri);
  });

  it.each<[Partial<Token>, string]>([
    [{ issuer: ' ', account: '' }, 'label'],
    [{ secret: new Uint8Array(0) }, 'secret'],
    [{ digits: 12 }, 'digits'],
    [{ type: 'hotp', counter: -1n }, 'counter'],
  ])('refuses %o (field %s)', (change, field) => {
    expect(inputErrorOf(() => formatKeyUri({ ...base, ...change })).field).toBe(field);
  });
});

// Names mix ASCII, URI delimiters, colons, '+', '%', spaces inside, accents, CJK and emoji.
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  ':',
  '%',
  '+',
  '&',
  '=',
  '?',
  '#',
  '/',
  '@',
  '.',
  'é',
  'ß',
  '日',
  '本',
  '🔑',
  '%3A',
  '%20',
  ':',
];

function randomName(rnd: SeededRandom, allowEmpty: boolean): string {
  const length = rnd.int(allowEmpty ? 0 : 1, 12);
  const name = Array.from({ length }, () => rnd.pick(PIECES))
    .join('')
    .trim();
  return name === '' && !allowEmpty ? 'x' : name;
}

function randomToken(rnd: SeededRandom): Token {
  const type = rnd.pick<OtpType>(['totp', 'totp', 'hotp', 'steam']);
  const issuer = randomName(rnd, true);
  return {
    type,
    algorithm: type === 'steam' ? 'SHA1' : rnd.pick<Algorithm>(['SHA1', 'SHA256', 'SHA512']),
    digits: type === 'steam' ? 5 : rnd.int(4, 10),
    period: type === 'steam' ? 30 : rnd.pick([30, 60, 1, 86_400, rnd.int(1, 86_400)]),
    counter: type === 'hotp' ? rnd.bigint(2n ** 64n - 1n) : 0n,
    issuer,
    account: randomName(rnd, issuer !== ''),
    secret: rnd.bytes(rnd.int(1, 80)),
  };
}

describe('round trip', () => {
  it('parseKeyUri(formatKeyUri(t)) equals t for 2000 random tokens', () => {
    const seed = testSeed();
    const rnd = seededRandom(seed);
    for (let i = 0; i < 2000; i++) {
      const token = randomToken(rnd);
      const uri = formatKeyUri(token);
      expect(parseKeyUri(uri), `seed ${seed}, case ${i}: ${uri}`).toEqual(token);
      expect(formatKeyUri(parseKeyUri(uri)), `seed ${seed}, case ${i}`).toBe(uri);
    }
  });

  it.each([
    'otpauth://totp/Office:jane@contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft',
    'otpauth://totp/Steam:gamer?secret=jbsw-y3dp&encoder=steam',
    'steam://JBSWY3DPEHPK3PXP',
    'otpauth://HOTP/A+B%3A%20c?secret=MFRA%3D%3D%3D%3D&counter=9007199254740993&period=30',
    'otpauth://totp/B%C3%BCro:x?secret=JBSWY3DPEHPK3PXP&issuer=B%C3%BCro&algorithm=sha256&digits=10',
  ])('a deviant URI normalises once and then stays fixed: %s', (uri) => {
    const once = parseKeyUri(uri);
    expect(parseKeyUri(formatKeyUri(once))).toEqual(once);
  });
});
