import { base64Encode } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import type { Token } from '../../../shared/otp-types';
import { base32Decode, base32Encode } from '../../core';
import { parseMigrationUri } from './transfer-uri';
import { formatMigrationUris, migrationIncompatibility } from './writer';
import { encodeMigrationPayload, type OtpParametersWire } from './payload';
import { lineSource, showSource } from '../format';
import { defined } from '../../../test-support/defined';

// dim13/otpauth's README example (a real export): one TOTP account, no batch fields set.
const DIM13 =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';

const wire = (o: Partial<OtpParametersWire>): OtpParametersWire => ({
  secret: base32Decode('JBSWY3DPEHPK3PXP'),
  name: 'alice',
  issuer: 'Acme',
  algorithm: 1,
  digits: 1,
  type: 2,
  counter: 0n,
  ...o,
});
const uriOf = (otps: OtpParametersWire[], batch = { batchId: 0, batchIndex: 0, batchSize: 1 }): string =>
  `otpauth-migration://offline?data=${encodeURIComponent(
    base64Encode(encodeMigrationPayload({ otpParameters: otps, version: 1, ...batch })),
  )}`;
const token = (t: Partial<Token>): Token => ({
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0n,
  issuer: 'Acme',
  account: 'alice',
  secret: base32Decode('JBSWY3DPEHPK3PXP'),
  ...t,
});

describe('parseMigrationUri', () => {
  it("reads dim13/otpauth's example export", () => {
    const { batch, result } = parseMigrationUri(DIM13);
    expect(batch).toEqual({ id: 0, index: 0, size: 1, version: 0 });
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(1);
    const t = defined(result.entries[0]).token;
    expect([t.type, t.issuer, t.account, t.algorithm, t.digits, t.period]).toEqual([
      'totp',
      'Example',
      'alice@google.com', // "Example:" prefix stripped: it equals the issuer
      'SHA1',
      6,
      30,
    ]);
    expect(base32Encode(t.secret)).toBe('JBSWY3DPEHPK3PXP');
  });

  const b64 = base64Encode(
    encodeMigrationPayload({
      otpParameters: [wire({})],
      version: 1,
      batchSize: 1,
      batchIndex: 0,
      batchId: -7,
    }),
  );
  it.each([
    ['percent-encoded', encodeURIComponent(b64)],
    ['raw + / =', b64],
    ['over-padded', `${b64}===`],
    ['lower-case %xx', encodeURIComponent(b64).replace(/%([0-9A-F]{2})/g, (m) => m.toLowerCase())],
    ['other parameters around it', `${encodeURIComponent(b64)}&foo=bar`],
  ])('accepts data %s', (_, data) => {
    const uri = data.includes('&')
      ? `otpauth-migration://offline?x=1&data=${data}`
      : `otpauth-migration://offline?data=${data}`;
    expect(parseMigrationUri(`${uri}\n`).result.entries[0]?.token.account).toBe('alice');
  });

  it('keeps a raw + in the data (URLSearchParams would turn it into a space)', () => {
    // Twelve 0xfb bytes put "+" and "/" into the base64 whatever their alignment.
    const secret = new Uint8Array(12).fill(0xfb);
    const data = base64Encode(
      encodeMigrationPayload({
        otpParameters: [wire({ secret, name: '', issuer: '' })],
        version: 1,
        batchSize: 1,
        batchIndex: 0,
        batchId: 1,
      }),
    );
    expect(data).toMatch(/\+.*\/|\/.*\+/);
    expect(
      parseMigrationUri(`otpauth-migration://offline?data=${data}`).result.entries[0]?.token.secret,
    ).toEqual(secret);
  });

  it.each([
    [
      'unspecified enums → defaults',
      { algorithm: 0, digits: 0, type: 0 },
      { algorithm: 'SHA1', digits: 6, type: 'totp' },
    ],
    [
      'SHA256, 8 digits',
      { algorithm: 2, digits: 2, type: 2 },
      { algorithm: 'SHA256', digits: 8, type: 'totp' },
    ],
    [
      'HOTP with SHA512',
      { algorithm: 3, digits: 1, type: 1, counter: 42n },
      { algorithm: 'SHA512', digits: 6, type: 'hotp', counter: 42n },
    ],
    ['HOTP counter 2^62', { type: 1, counter: 2n ** 62n }, { type: 'hotp', counter: 2n ** 62n }],
    [
      'prefix equal to the issuer stripped',
      { name: 'Acme: alice', issuer: 'Acme' },
      { issuer: 'Acme', account: 'alice' },
    ],
    [
      'other prefix split off too (the issuer names the issuer)',
      { name: 'Other:alice', issuer: 'Acme' },
      { issuer: 'Acme', account: 'alice' },
    ],
    [
      'no issuer: the prefix is the issuer',
      { name: 'Acme:alice', issuer: '' },
      { issuer: 'Acme', account: 'alice' },
    ],
    ['no colon: name kept whole', { name: 'alice', issuer: '' }, { issuer: '', account: 'alice' }],
  ] as const)('%s', (_, otp, expected) => {
    const t = parseMigrationUri(uriOf([wire(otp)])).result.entries[0]?.token;
    expect(t).toMatchObject(expected);
  });

  it('reports an MD5 entry (and other unusable ones) but keeps the rest', () => {
    const { result } = parseMigrationUri(
      uriOf([
        wire({ algorithm: 4, issuer: 'Old' }),
        wire({ name: 'bob' }),
        wire({ digits: 9 }),
        wire({ secret: new Uint8Array(0) }),
        wire({ type: 5 }),
      ]),
      lineSource('list.txt', 3),
    );
    expect(result.entries.map((e) => [showSource(e.source), e.token.account])).toEqual([
      ['list.txt:3 entry 2', 'bob'],
    ]);
    expect(result.errors.map((e) => ({ ...e, source: showSource(e.source) }))).toEqual([
      { source: 'list.txt:3 entry 1', message: expect.stringMatching(/'Old' uses MD5/) },
      { source: 'list.txt:3 entry 3', message: expect.stringMatching(/unknown digit count \(9\)/) },
      { source: 'list.txt:3 entry 4', message: expect.stringMatching(/empty secret/) },
      { source: 'list.txt:3 entry 5', message: expect.stringMatching(/unknown type \(5\)/) },
    ]);
  });

  it('reads a negative batch_id from its 10-byte varint', () => {
    const uri = uriOf([], { batchId: -1_234_567_890, batchIndex: 1, batchSize: 3 });
    expect(parseMigrationUri(uri).batch).toEqual({ id: -1_234_567_890, index: 1, size: 3, version: 1 });
  });

  it('reads an empty payload as a valid code with no accounts', () => {
    expect(parseMigrationUri('otpauth-migration://offline?data=').result).toEqual({
      entries: [],
      errors: [],
    });
  });

  it.each([
    ['otpauth://totp/x?secret=JBSWY3DP', /otpauth-migration/],
    ['otpauth-migration://offline', /no data=/],
    ['otpauth-migration://offline?data=not*base64', /not base64/],
    ['otpauth-migration://offline?data=CjEKCkhlbGxv', /not a Google Authenticator export/],
    ['otpauth-migration://offline?data=GAMgAw%3D%3D', /part 4 of 3, which cannot be/], // batch_size 3, batch_index 3
  ])('refuses %s', (uri, message) => {
    expect(() => parseMigrationUri(uri)).toThrow(message);
  });
});

describe('formatMigrationUris', () => {
  const many = Array.from({ length: 23 }, (_, i) =>
    token({
      account: `user${i}`,
      secret: Uint8Array.from({ length: 20 }, (_, j) => i * 31 + j),
      ...(i % 5 === 0 ? { type: 'hotp', counter: BigInt(i) * 1000n } : {}),
      ...(i % 7 === 0 ? { algorithm: 'SHA512', digits: 8 } : {}),
    }),
  );

  it.each([-1, -2_147_483_648, 2_147_483_647, 0, 12345])(
    'round-trips 23 accounts in 3 codes with batch id %i',
    (id) => {
      const uris = formatMigrationUris(many, id);
      expect(uris).toHaveLength(3);
      const codes = uris.map((u) => parseMigrationUri(u));
      expect(codes.map((c) => c.batch)).toEqual(
        [0, 1, 2].map((index) => ({ id, index, size: 3, version: 1 })),
      );
      expect(codes.map((c) => c.result.entries.length)).toEqual([10, 10, 3]);
      expect(codes.flatMap((c) => c.result.entries.map((e) => e.token))).toEqual(many);
      for (const u of uris) expect(u).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
    },
  );

  it('writes one empty code for no accounts', () => {
    const [uri, ...rest] = formatMigrationUris([], 5);
    expect(rest).toEqual([]);
    expect(parseMigrationUri(defined(uri))).toEqual({
      batch: { id: 5, index: 0, size: 1, version: 1 },
      result: { entries: [], errors: [] },
    });
  });

  it('picks a random batch id when none is given', () => {
    const ids = new Set(
      Array.from(
        { length: 5 },
        () => parseMigrationUri(defined(formatMigrationUris([token({})])[0])).batch.id,
      ),
    );
    expect(ids.size).toBeGreaterThan(1);
  });

  it.each([
    ['Steam', { type: 'steam', digits: 5 }, /Steam/],
    ['7 digits', { digits: 7 }, /6 or 8 digits, not 7/],
    ['a 60 s period', { period: 60 }, /30-second codes, not 60/],
    ['an HOTP counter of 2^63', { type: 'hotp', counter: 2n ** 63n }, /counter is too large/],
  ] as const)('refuses %s, naming the account', (_, t, message) => {
    expect(migrationIncompatibility(token(t))).toMatch(message);
    expect(() => formatMigrationUris([token({}), token(t)], 1)).toThrow(/^Acme: alice: /);
  });

  it('refuses a batch id outside int32', () => {
    expect(() => formatMigrationUris([], 2 ** 31)).toThrow(/32-bit/);
  });
});
