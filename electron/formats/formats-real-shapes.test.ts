import { describe, expect, it } from 'vitest';
import { generateCode } from '../core';
import { readImport } from './registry';
import { FIXTURE_TIME_MS } from './testdata/canonical';

// Shapes met in real exports that the canonical fixtures do not have (the real files checked are
// listed in testdata/README.md; none is copied here). Each row rebuilds the shape in a few lines
// around one canonical secret, so the expected code is known: GitHub's 741904 at FIXTURE_TIME_MS.
const S = 'DVVQGD4WJW6YUDIPSE67GIX3YJU3R7CN';
const CODE = '741904';
const CSV_HEAD =
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';

type Row = [shape: string, file: string, text: string, expected: Array<[issuer: string, account: string]>];
const rows: Row[] = [
  [
    'Bitwarden CSV: key URIs with an empty label, blank lines between rows',
    'bitwarden.csv',
    `${CSV_HEAD}\n,,login,Forge ,,,0,,,,otpauth://totp/?secret=${S}&issuer=Forge%20&algorithm=SHA1&digits=6&period=30\n\n` +
      `,,login,Mill,,,0,,sam,,otpauth://totp/?secret=${S}\n`,
    [
      ['Forge', ''],
      ['Mill', 'sam'],
    ],
  ],
  [
    'Bitwarden JSON: a key URI with an empty label',
    'bitwarden.json',
    JSON.stringify({
      encrypted: false,
      items: [
        {
          type: 1,
          name: 'Mill',
          login: { username: 'sam', totp: `otpauth://totp/?secret=${S}&issuer=Mill` },
        },
      ],
    }),
    [['Mill', 'sam']],
  ],
  [
    '2FAS from iOS: a service with neither label nor account, counter 0 on a TOTP',
    'backup.2fas',
    JSON.stringify({
      schemaVersion: 4,
      appOrigin: 'ios',
      groups: [],
      services: [
        {
          name: 'Forge',
          secret: S,
          otp: { digits: 6, counter: 0, tokenType: 'TOTP', period: 30, source: 'manual', algorithm: 'SHA1' },
          order: { position: 0 },
        },
      ],
    }),
    [['Forge', '']],
  ],
  [
    '2FAS schema 2: no tokenType, and no period on an account 2FAS could not time (read as TOTP, 30 s)',
    'backup.2fas',
    JSON.stringify({
      schemaVersion: 2,
      services: [
        {
          name: 'Forge',
          secret: S,
          type: 'Unknown',
          otp: { label: 'Forge:sam', account: 'sam', issuer: 'Forge', digits: 6, algorithm: 'SHA1' },
        },
      ],
    }),
    [['Forge', 'sam']],
  ],
];

describe('shapes from real exports', () => {
  it.each(rows)('%s', async (_shape, file, text, expected) => {
    const report = await readImport(file, new Uint8Array(Buffer.from(text, 'utf8')));
    expect(report.errors).toEqual([]);
    expect(report.entries.map((e) => [e.token.issuer, e.token.account])).toEqual(expected);
    expect(report.entries.map((e) => generateCode(e.token, FIXTURE_TIME_MS).code)).toEqual(
      expected.map(() => CODE),
    );
  });
});
