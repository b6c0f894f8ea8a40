import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scryptKey } from './crypto';
import { MAX_ANDOTP_ITERATIONS, checkArgon2 } from './kdf-limits';
import { detectImport, readImport } from './registry';
import { FIXTURE_PASSWORD } from './testdata/canonical';
import { defined } from '../../test-support/defined';

// Key-derivation parameters come from the file: they are checked before any derivation, and a
// derivation never occupies the thread pool that keychain calls use.

const files = join(__dirname, 'testdata/files');
const aegis = (): Record<string, unknown> & { header: { slots: Array<Record<string, unknown>> } } =>
  JSON.parse(readFileSync(join(files, 'aegis-db3-encrypted.json'), 'utf8'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The encrypted Aegis fixture with its password slot's fields changed. */
function aegisWith(slot: Record<string, unknown>, copies = 1): Uint8Array {
  const doc = aegis();
  const first = { ...doc.header.slots[0], ...slot };
  doc.header.slots = Array.from({ length: copies }, () => first);
  return utf8(JSON.stringify(doc));
}

describe('Aegis scrypt parameters', () => {
  it.each([
    ['N = 1', { n: 1 }, /scrypt N is 1, not a power of two from 2 up/],
    ['N = 0.5', { n: 0.5 }, /scrypt N is 0\.5, not a power of two/],
    ['N = 5e-324', { n: 5e-324 }, /scrypt N is 5e-324, not a power of two/],
    ['N = 3', { n: 3 }, /scrypt N is 3, not a power of two/],
    ['N = 2^53 + 2', { n: 2 ** 53 + 2 }, /scrypt N is 9007199254740994, not a power of two/],
    ['r = 1.5', { r: 1.5 }, /scrypt r is 1\.5, not a whole number from 1 up/],
    ['p = 2.5', { p: 2.5 }, /scrypt p is 2\.5, not a whole number from 1 up/],
    ['r = 0', { r: 0 }, /scrypt r is 0, not a whole number/],
    ['N given as text', { n: '32768' }, /a password slot has no scrypt parameters/],
    [
      'N = 2^20, r = 32 (4 GiB)',
      { n: 2 ** 20, r: 32 },
      /asks for 4,096 MiB of scrypt memory \(N=1048576, r=32\); Aegis uses 32 MiB and Keyfob allows at most 256 MiB/,
    ],
    [
      'p = 16',
      { p: 16 },
      /asks for 16 times the scrypt work Aegis uses \(N=32768, r=8, p=16\); Keyfob allows at most 8 times/,
    ],
  ])('refuses %s before deriving, as damage (exit 1)', async (_, slot, message) => {
    await expect(readImport('a.json', aegisWith(slot), FIXTURE_PASSWORD)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(message),
    });
  });

  it('refuses eight password slots without trying one', async () => {
    await expect(readImport('a.json', aegisWith({}, 8), 'not the password')).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(
        /it has 8 password slots; Aegis writes one or two and Keyfob tries at most 4/,
      ),
    });
  });

  it('checks every slot before deriving any: a bad second slot is refused at once', async () => {
    const doc = aegis();
    const good = defined(doc.header.slots[0]);
    doc.header.slots = [good, { ...good, n: 2 ** 24 }];
    await expect(readImport('a.json', utf8(JSON.stringify(doc)), FIXTURE_PASSWORD)).rejects.toThrow(
      /MiB of scrypt memory/,
    );
  });

  it.each([
    ['Aegis’s own parameters', {}],
    ['two copies of the slot', {}],
  ])('still opens a file with %s', async (name) => {
    const report = await readImport(
      'a.json',
      aegisWith({}, name.startsWith('two') ? 2 : 1),
      FIXTURE_PASSWORD,
    );
    expect(report.entries.length).toBeGreaterThan(0);
  });
});

describe('andOTP iteration counts', () => {
  const withIterations = (n: number): Uint8Array => {
    const bytes = new Uint8Array(readFileSync(join(files, 'otp_accounts.json.aes')));
    new DataView(bytes.buffer).setUint32(0, n);
    return bytes;
  };
  it.each([
    [0, /iteration count \(0\) is outside 1–1,000,000/],
    [MAX_ANDOTP_ITERATIONS + 1, /iteration count \(1000001\) is outside 1–1,000,000/],
    [2 ** 32 - 1, /iteration count \(4294967295\) is outside/],
  ])('refuses %i iterations before deriving', async (n, message) => {
    await expect(
      readImport('otp_accounts.json.aes', withIterations(n), FIXTURE_PASSWORD, { formatId: 'andotp' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(message),
    });
  });
});

describe('andOTP files without the iteration count andOTP writes', () => {
  it.each([0, 1_000_001, 2 ** 32 - 1])(
    'are taken for the old layout (no derivation at all), unsure: %i',
    (n) => {
      const bytes = new Uint8Array(readFileSync(join(files, 'otp_accounts.json.aes')));
      new DataView(bytes.buffer).setUint32(0, n);
      expect(detectImport('otp_accounts.json.aes', bytes)).toMatchObject({
        formatId: 'andotp-old',
        sure: false,
      });
    },
  );
});

describe('FreeOTP 2 iteration counts', () => {
  /** The API 34 fixture with the master key's iteration count replaced (its Java string length fixed up). */
  const withIterations = (n: number): Uint8Array => {
    const bytes = readFileSync(join(files, 'freeotp2-api34.xml'));
    const start = bytes.indexOf('{"mAlgorithm"');
    const length = bytes.readUInt16BE(start - 2);
    const text = bytes
      .subarray(start, start + length)
      .toString('utf8')
      .replace('"mIterations":100000', `"mIterations":${n}`);
    const value = Buffer.from(text, 'utf8');
    const size = Buffer.alloc(2);
    size.writeUInt16BE(value.length);
    return new Uint8Array(
      Buffer.concat([bytes.subarray(0, start - 2), size, value, bytes.subarray(start + length)]),
    );
  };
  it.each([
    [0, /iteration count \(0\) is outside 1–1,000,000/],
    [1_000_001, /iteration count \(1000001\) is outside 1–1,000,000/],
  ])('refuses %i iterations before deriving', async (n, message) => {
    await expect(readImport('externalBackup.xml', withIterations(n), FIXTURE_PASSWORD)).rejects.toMatchObject(
      {
        code: 'invalid-input',
        message: expect.stringMatching(message),
      },
    );
  });
});

describe('Argon2id parameters (Stratum writes t = 3, 64 MiB, p = 4)', () => {
  const stratum = { iterations: 3, memoryKiB: 65_536, parallelism: 4 };
  it.each([
    ['no passes', { iterations: 0 }, /Argon2id iterations \(0\) is outside 1–30/],
    ['1 GiB', { memoryKiB: 1024 * 1024 }, /Argon2id memoryKiB \(1048576\) is outside 1–262,144/],
    ['a fraction of a lane', { parallelism: 1.5 }, /Argon2id parallelism \(1\.5\) is outside/],
    ['less memory than the lanes need', { memoryKiB: 16, parallelism: 4 }, /less than 8 KiB per lane/],
  ])('refuses %s', (_, change, message) => {
    expect(() => checkArgon2('Stratum backup', { ...stratum, ...change })).toThrow(message);
  });

  it("accepts Stratum's own", () => expect(() => checkArgon2('Stratum backup', stratum)).not.toThrow());
});

describe('where derivations run', () => {
  it('leaves the thread pool free: file-system calls finish while derivations are under way', async () => {
    // Node's async scrypt would take the pool's threads (4 by default) and queue the stat behind them.
    const order: string[] = [];
    const salt = new Uint8Array(16);
    const derivations = Array.from({ length: 4 }, () =>
      scryptKey('password', salt, 2 ** 15, 8, 1).then(() => order.push('derivation')),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stat(__filename).then(() => order.push('stat'));
    await Promise.all(derivations);
    expect(order[0]).toBe('stat');
  });

  it('derives what node:crypto derives (RFC 7914 §12 vector 2)', async () => {
    const key = await scryptKey('password', utf8('NaCl'), 1024, 8, 16);
    expect(key.toString('hex')).toBe('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162');
  });
});
