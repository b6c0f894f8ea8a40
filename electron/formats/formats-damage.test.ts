import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from './registry';
import { CANONICAL, FIXTURE_PASSWORD } from './testdata/canonical';
import { seededRandomness } from './testdata/seeded';
import { aegisEncryptedFile } from './testdata/write-aegis';
import { showSource } from './format';

// Damaged files say they are damaged; one bad entry never stops the others.
const files = join(__dirname, 'testdata/files');
const text = (file: string): string => readFileSync(join(files, file), 'utf8');
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const canonicalCount = CANONICAL.length;

/** Fixtures with one entry's secret made invalid ('1' is not base32) by a text edit. */
const badEntry: Array<[file: string, edit: (s: string) => string, expectedGood: number, message: RegExp]> = [
  [
    'aegis-db3-plain.json',
    (s) => s.replace('"secret": "EPXZO', '"secret": "1PXZO'),
    canonicalCount - 1,
    /'1', which is not a base32 letter/,
  ],
  [
    'aegis-db1-plain.json',
    (s) => s.replace('"type": "hotp"', '"type": "yandex"'),
    canonicalCount - 1,
    /Type 'yandex' is not supported/,
  ],
  [
    '2fas-schema4.2fas',
    (s) => s.replace('"secret":"EPXZO', '"secret":"1PXZO'),
    canonicalCount - 1,
    /not a base32 letter/,
  ],
  [
    '2fas-schema4.2fas',
    (s) => s.replace('"tokenType":"HOTP"', '"tokenType":"MOTP"'),
    canonicalCount - 1,
    /Type 'MOTP' is not supported/,
  ],
  [
    'andotp-plain.json',
    (s) => s.replace('"digits":8', '"digits":12'),
    canonicalCount - 1,
    /Digits must be a whole number from 4 to 10/,
  ],
  [
    'freeotp-plus.json',
    (s) => s.replace('"secret":[', '"secret":[300,'),
    canonicalCount - 1,
    /no secret byte array/,
  ],
  [
    'bitwarden.json',
    (s) => s.replace('otpauth://totp/Amazon', 'otpauth://md5/Amazon'),
    canonicalCount - 1,
    /Type 'md5' is not supported/,
  ],
  ['bitwarden.csv', (s) => s.replace('DVVQ GD4W', 'DVVQ 0D4W'), canonicalCount - 1, /did you mean O\?/],
  [
    'proton-authenticator.json',
    (s) => s.replace('"uri": "steam://', '"uri": "steam://0'),
    7,
    /not a base32 letter/,
  ],
  [
    'ente-auth.txt',
    (s) => s.replace('algorithm=sha256', 'algorithm=md5'),
    canonicalCount - 1,
    /Algorithm 'md5' is not supported/,
  ],
];

describe('one bad entry among good ones', () => {
  it.each(badEntry)(
    '%s: the bad one is reported with its reason, the rest are read',
    async (file, edit, good, message) => {
      const edited = edit(text(file));
      expect(edited).not.toBe(text(file));
      const report = await readImport(file, utf8(edited));
      expect(report.entries).toHaveLength(good);
      expect(report.errors.map((e) => ({ ...e, source: showSource(e.source) }))).toEqual([
        {
          source: expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}[#:]\\d+$`, 'u')),
          message: expect.stringMatching(message),
        },
      ]);
    },
  );

  it('encrypted Aegis: a bad entry inside the encrypted content is reported the same way', async () => {
    const db = JSON.parse(text('aegis-db3-plain.json')).db as {
      entries: Array<{ info: { secret: string } }>;
    };
    const first = db.entries[0];
    if (first) first.info.secret = '';
    const file = aegisEncryptedFile(db, FIXTURE_PASSWORD, seededRandomness('bad'));
    const report = await readImport('bad.json', utf8(file), FIXTURE_PASSWORD);
    expect(report.entries).toHaveLength(canonicalCount - 1);
    expect(report.errors.map((e) => ({ ...e, source: showSource(e.source) }))).toEqual([
      { source: 'bad.json#1', message: expect.stringMatching(/Secret is empty/) },
    ]);
  });
});

/** Flips one character in the middle of an encrypted payload. */
function flipInside(s: string, marker: string): string {
  const at = s.indexOf(marker) + marker.length + 40;
  const c = s[at] === 'A' ? 'B' : 'A';
  return s.slice(0, at) + c + s.slice(at + 1);
}

describe('damaged files', () => {
  const damaged: Array<[file: string, edit: (s: string) => string, message: RegExp]> = [
    [
      'aegis-db3-encrypted.json',
      (s) => flipInside(s, '"db": "'),
      /^This Aegis backup is damaged: its contents fail the integrity check/,
    ],
    [
      'aegis-db3-encrypted.json',
      (s) => s.replace('"n": 32768', '"n": 1073741824'),
      /damaged: a password slot asks for [\d,]+ MiB of scrypt memory/,
    ],
    [
      'aegis-db3-plain.json',
      (s) => s.replace('"entries"', '"entrees"'),
      /^This Aegis backup is damaged: its content has no list of entries/,
    ],
    [
      '2fas-schema4-encrypted.2fas',
      (s) => flipInside(s, '"servicesEncrypted":"'),
      /^This 2FAS backup is damaged: its services fail the integrity check/,
    ],
    [
      '2fas-schema4-encrypted.2fas',
      (s) => s.replace(/"servicesEncrypted":"[^"]*"/u, '"servicesEncrypted":"abc"'),
      /damaged: its encrypted services are not in the data:salt:iv form/,
    ],
    [
      '2fas-schema4.2fas',
      (s) => s.replace('"schemaVersion":4', '"schemaVersion":9'),
      /damaged: its schema version 9 is newer/,
    ],
    [
      'proton-authenticator.json',
      (s) => s.replace('"version": 1', '"version": 2'),
      /damaged: its version 2 is not 1/,
    ],
  ];
  it.each(damaged)('%s: %s', async (file, edit, message) => {
    await expect(readImport(file, utf8(edit(text(file))), FIXTURE_PASSWORD)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(message),
    });
  });

  it('andOTP: a flipped byte cannot be told from a wrong password, and says so', async () => {
    const bytes = new Uint8Array(readFileSync(join(files, 'otp_accounts.json.aes')));
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    await expect(readImport('otp_accounts.json.aes', bytes, FIXTURE_PASSWORD)).rejects.toMatchObject({
      field: 'password',
      message: expect.stringMatching(/or the file is damaged: andOTP stores no password check/),
    });
  });

  it('a truncated JSON backup is not mistaken for anything', async () => {
    const half = text('aegis-db3-plain.json').slice(0, 900);
    await expect(readImport('aegis.json', utf8(half))).rejects.toMatchObject({
      message: expect.stringMatching(
        /^aegis\.json is not a backup Keyfob recognises: name the app that made it/,
      ),
    });
  });

  it('refuses password-protected Bitwarden and Proton exports with what to do instead', async () => {
    await expect(readImport('bw.json', utf8('{"encrypted":true,"items":[]}'))).rejects.toThrow(
      /Export again as ".json"/,
    );
    await expect(readImport('p.json', utf8('{"version":1,"salt":"AAAA","content":"AAAA"}'))).rejects.toThrow(
      /Export again without a password/,
    );
  });
});
