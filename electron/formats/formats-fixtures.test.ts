import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCode } from '../core';
import { writeUriList } from './uri-list';
import { detectImport, readImport } from './registry';
import type { Companion } from './format';
import { CANONICAL, FIXTURE_PASSWORD, FIXTURE_TIME_MS } from './testdata/canonical';
import { FIXTURES, UNSURE, canonicalAccount } from './testdata/fixture-list';

// Every importer reads its committed fixture (made from the canonical set by testdata/fixture-files.ts) back
// to exactly the canonical accounts, in order, and every code matches oathtool's at a fixed time.
const files = join(__dirname, 'testdata/files');
const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(join(files, file)));
/** The files beside a fixture (a database's -wal, an SDA manifest), as the app and the CLI pass them. */
const besides =
  (file: string): Companion =>
  async (name) => {
    const path = join(files, dirname(file), name);
    return existsSync(path) ? bytesOf(join(dirname(file), name)) : undefined;
  };

describe.each(FIXTURES)('$file', ({ file, formatId, keys, encrypted }) => {
  const expected = keys.map((k) => canonicalAccount(k));
  const sure = !UNSURE.has(file);

  it(`is detected as ${formatId}${encrypted ? ', needing a password' : ''}${sure ? '' : ', unsure'}`, () => {
    expect(detectImport(file, bytesOf(file))).toMatchObject({ formatId, needsPassword: encrypted, sure });
  });

  it('reads back exactly the canonical accounts, in order, with their codes', async () => {
    const password = encrypted ? FIXTURE_PASSWORD : undefined;
    const report = await readImport(file, bytesOf(file), password, { companion: besides(file) });
    expect(report.errors).toEqual([]);
    expect(report.entries.map((e) => e.token)).toEqual(expected.map((c) => c?.token));
    expect(report.entries.map((e) => generateCode(e.token, FIXTURE_TIME_MS).code)).toEqual(
      expected.map((c) => c?.code),
    );
  });
});

describe.each(FIXTURES.filter((f) => f.encrypted))('$file (encrypted)', ({ file }) => {
  it('refuses a missing and a wrong password, naming the password field', async () => {
    const options = { companion: besides(file) };
    await expect(readImport(file, bytesOf(file), undefined, options)).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'password',
      message: expect.stringMatching(/is encrypted: give the password/),
    });
    await expect(readImport(file, bytesOf(file), 'not the password', options)).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'password',
      message: expect.stringMatching(/^Wrong password for this /),
    });
  });
});

describe('the canonical set', () => {
  it('covers what the issue asks for', () => {
    const tokens = CANONICAL.map((c) => c.token);
    expect(new Set(tokens.map((t) => t.algorithm))).toEqual(new Set(['SHA1', 'SHA256', 'SHA512']));
    expect(new Set(tokens.map((t) => t.digits))).toEqual(new Set([5, 6, 7, 8]));
    expect(tokens.some((t) => t.type === 'totp' && t.period === 60)).toBe(true);
    expect(tokens.some((t) => t.type === 'hotp' && t.counter > 0n)).toBe(true);
    expect(tokens.some((t) => t.type === 'steam')).toBe(true);
    expect(tokens.some((t) => /[^\x20-\x7e]/u.test(t.issuer + t.account))).toBe(true);
    expect(tokens.some((t) => t.issuer.includes(':'))).toBe(true);
    expect(CANONICAL.length).toBeGreaterThanOrEqual(8);
  });

  it("is written by Keyfob's own URI-list export exactly as the fixture written from the Key-Uri-Format", () => {
    const tokens = CANONICAL.map((c) => c.token);
    expect(writeUriList(tokens)).toBe(readFileSync(join(files, 'keyfob-otpauth.txt'), 'utf8'));
  });

  it('has the codes oathtool gives (computed by Keyfob now, so a fixture typo cannot hide)', () => {
    for (const c of CANONICAL)
      expect([c.key, generateCode(c.token, FIXTURE_TIME_MS).code]).toEqual([c.key, c.code]);
  });
});
