import { base64Encode } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { parseMigrationUri } from './transfer-uri';
import { formatMigrationUris } from './writer';
import { MAX_IMPORT_ENTRIES } from '../import-limits';
import { MigrationBatches } from './batches';
import { MigrationCollector, listCodes } from './collector';
import { MAX_EXPORTS_PER_IMPORT } from './limits';
import { encodeMigrationPayload, type OtpParametersWire } from './payload';
import { readUriList } from '../uri-list';
import { lineSource, showSource } from '../format';
import { defined } from '../../../test-support/defined';

// Transfer codes claim sizes; Keyfob checks the claims before any work that grows with them, and
// every refusal is one short line whatever the code says.

/** The hostile link: batch_size 2^31−1, batch_index 0, one account. */
const HOSTILE =
  'otpauth-migration://offline?data=ChMKCgEBAQEBAQEBAQESA2FiYzACEAEY%2F%2F%2F%2F%2FwcgACi5YA%3D%3D';

const otp = (i: number, more: Partial<OtpParametersWire> = {}): OtpParametersWire => ({
  secret: Uint8Array.from({ length: 10 }, (_, j) => (i * 7 + j) & 0xff),
  name: `user${i}`,
  issuer: 'Acme',
  algorithm: 1,
  digits: 1,
  type: 2,
  counter: 0n,
  ...more,
});
const uri = (otps: OtpParametersWire[], batchSize: number, batchIndex: number, batchId = 9): string =>
  `otpauth-migration://offline?data=${encodeURIComponent(
    base64Encode(encodeMigrationPayload({ otpParameters: otps, version: 1, batchSize, batchIndex, batchId })),
  )}`;
const many = (n: number) => Array.from({ length: n }, (_, i) => otp(i));

describe('transfer code claims', () => {
  it('refuses the 95-character link claiming 2,147,483,647 codes at once, in one line', () => {
    expect(HOSTILE).toHaveLength(95);
    expect(() => parseMigrationUri(HOSTILE)).toThrow(
      'This transfer code says it is part 1 of 2,147,483,647; a Google Authenticator export has at ' +
        'most 100 codes. It is not a valid export.',
    );
  });

  it.each([
    ['101 codes', uri([otp(1)], 101, 0), /part 1 of 101; a Google Authenticator export has at most 100/],
    ['a negative size', uri([otp(1)], -5, 0), /its export has -5 codes\. It is not a valid export/],
    ['a negative index', uri([otp(1)], 3, -1), /part 0 of 3, which cannot be/],
    ['index = size', uri([otp(1)], 3, 3), /part 4 of 3, which cannot be/],
    ['201 accounts in one code', uri(many(201), 1, 0), /holds more than 200 accounts; one QR code has room/],
    [
      'a text longer than any QR code holds',
      `otpauth-migration://offline?data=${'A'.repeat(20_000)}`,
      /20,033 characters long, too long for a transfer code/,
    ],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseMigrationUri(text)).toThrow(message);
  });

  it.each([
    ['100 codes', uri([otp(1)], 100, 99), 1],
    ['200 accounts in one code', uri(many(200), 1, 0), 200],
    ['size 0 (old single-code exports)', uri([otp(1)], 0, 0), 1],
  ])('accepts %s', (_, text, accounts) => {
    expect(parseMigrationUri(text).result.entries).toHaveLength(accounts);
  });

  it('quotes a long issuer in a per-entry problem only in part', () => {
    const { result } = parseMigrationUri(uri([otp(1, { algorithm: 4, issuer: 'X'.repeat(5000) })], 1, 0));
    expect(result.errors[0]?.message.length).toBeLessThan(120);
  });
});

describe('messages that list codes', () => {
  it.each([
    [[3], 'code 3'],
    [[1, 3], 'codes 1 and 3'],
    [[1, 2, 4], 'codes 1, 2 and 4'],
    [Array.from({ length: 100 }, (_, i) => i + 1), 'codes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 90 more'],
  ])('listCodes(%j) is %s', (numbers, text) => {
    expect(listCodes(numbers)).toBe(text);
  });

  it('keeps the refusal of a foreign code short for a 100-code export', () => {
    const c = new MigrationCollector();
    c.add(parseMigrationUri(uri([otp(1)], 100, 50)));
    const step = c.add(parseMigrationUri(uri([otp(2)], 100, 50)));
    expect(step.status).toBe('refused');
    expect(step.message.length).toBeLessThan(250);
  });

  it('reports an incomplete 100-code export in one short line', () => {
    const r = readUriList(uri([otp(1)], 100, 0), 'l.txt');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/codes 2, 3, .* 11 and 89 more of 100 are missing/);
    expect(r.errors[0]?.message.length).toBeLessThan(250);
  });
});

describe('exports held by one import', () => {
  it(`holds at most ${MAX_EXPORTS_PER_IMPORT} exports; further codes are refused one line each`, () => {
    const lines = Array.from({ length: MAX_EXPORTS_PER_IMPORT + 2 }, (_, i) => uri([otp(i)], 2, 0, i));
    const r = readUriList(lines.join('\n'), 'l.txt');
    const refused = r.errors.filter((e) =>
      /more than 50 different Google Authenticator exports/.test(e.message),
    );
    expect(refused.map((e) => showSource(e.source))).toEqual(['l.txt:51', 'l.txt:52']);
    expect(r.errors.filter((e) => /is incomplete/.test(e.message))).toHaveLength(MAX_EXPORTS_PER_IMPORT);
  });

  it(`holds at most ${MAX_IMPORT_ENTRIES.toLocaleString('en-US')} accounts across codes`, () => {
    const batches = new MigrationBatches();
    // 51 single-code exports of 200 accounts: the 51st would pass 10,000.
    const codes = Array.from({ length: 51 }, (_, i) => parseMigrationUri(uri(many(200), 1, 0, i)));
    codes.slice(0, 50).forEach((c, i) => batches.add(c, lineSource('l', i + 1)));
    expect(() => batches.add(defined(codes[50]), lineSource('l', 51))).toThrow(
      /This import holds more than 10,000 accounts; Keyfob imports at most 10,000 at a time/,
    );
    expect(batches.finish().entries).toHaveLength(MAX_IMPORT_ENTRIES);
  });

  it('still collects one 100-code export given three times over, in any order', () => {
    const accounts = Array.from({ length: 1000 }, (_, i) => ({
      type: 'totp' as const,
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0n,
      issuer: 'Acme',
      account: `u${i}`,
      secret: Uint8Array.from({ length: 10 }, (_, j) => (i + j) & 0xff),
    }));
    const codes = formatMigrationUris(accounts, -3);
    const text = [...codes, ...codes, ...codes].reverse().join('\n');
    const r = readUriList(text, 'l');
    expect(r.errors).toEqual([]);
    expect(r.entries).toHaveLength(1000);
  });
});
