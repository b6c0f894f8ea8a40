import { describe, expect, it } from 'vitest';
import { showSource } from './format';
import { readImport } from './registry';
import { seededRandomness } from './testdata/seeded';
import { writeDuo } from './testdata/write-phone-apps';
import { CANONICAL } from './testdata/canonical';

// Shapes of other apps' files that the canonical fixtures do not have: old labels, accounts that
// cannot be imported, fields a real file leaves empty. Every entry is imported or rejected with its
// reason. S is the canonical GitHub secret (hex H); rows list what each entry becomes.
const S = 'DVVQGD4WJW6YUDIPSE67GIX3YJU3R7CN';
const H = '1d6b030f964dbd8a0d0f913df322fbc269b8fc4d';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const xml = (name: string, value: string) =>
  `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    <string name="${name}">${value
    .replace(/&/gu, '&amp;')
    .replace(/"/gu, '&quot;')}</string>\n</map>\n`;
const andotp = (entry: object) =>
  JSON.stringify([{ secret: S, digits: 6, type: 'TOTP', period: 30, ...entry }]);

type Entry = [issuer: string, account: string, type: string, digits: number, period: number];
type Row = [shape: string, file: string, text: string, entries: Entry[], errors: RegExp[]];

const rows: Row[] = [
  [
    'andOTP before 0.6.3: "Issuer - Issuer:account"',
    'a.json',
    andotp({ label: 'Deno - Deno:Mason' }),
    [['Deno', 'Mason', 'totp', 6, 30]],
    [],
  ],
  [
    'andOTP before 0.6.3: "Issuer:account"',
    'a.json',
    andotp({ label: 'Deno:Mason' }),
    [['Deno', 'Mason', 'totp', 6, 30]],
    [],
  ],
  [
    'andOTP before 0.6.3: a bare account',
    'a.json',
    andotp({ label: 'Mason' }),
    [['', 'Mason', 'totp', 6, 30]],
    [],
  ],
  [
    'andOTP 0.6.3 and later: issuer and label are separate, a colon stays in the account',
    'a.json',
    andotp({ issuer: 'Deno', label: 'mason:work' }),
    [['Deno', 'mason:work', 'totp', 6, 30]],
    [],
  ],
  [
    'Duo: a name without a colon is the account (as Aegis reads it)',
    'accounts.json',
    JSON.stringify([
      { accountType: 'OtpAccount', name: 'Mason', otpGenerator: { otpSecret: S }, pkey: 'p1' },
    ]),
    [['', 'Mason', 'totp', 6, 30]],
    [],
  ],
  [
    'Authy: a third-party token with 7 digits keeps 30 s; a name "Issuer - account"',
    'com.authy.storage.tokens.authenticator.xml',
    xml(
      'com.authy.storage.tokens.authenticator.key',
      JSON.stringify([
        {
          accountType: 'authenticator',
          decryptedSecret: S,
          digits: 7,
          originalIssuer: 'SPDX',
          originalName: 'SPDX:James',
        },
        { accountType: 'authenticator', decryptedSecret: S, digits: 6, name: 'Deno - Mason' },
        { accountType: 'authenticator', decryptedSecret: S, digits: 6, name: 'Mason' },
      ]),
    ),
    [
      ['SPDX', 'James', 'totp', 7, 30],
      ['Deno', 'Mason', 'totp', 6, 30],
      ['Authenticator', 'Mason', 'totp', 6, 30],
    ],
    [],
  ],
  [
    'Authy native: 7 digits, 10 s, the name is the issuer; a seed that is not hex is rejected',
    'com.authy.storage.tokens.authy.xml',
    xml(
      'com.authy.storage.tokens.authy.key',
      JSON.stringify([
        { secretSeed: H, digits: 7, name: 'Twitch' },
        { secretSeed: 'zz', name: 'X' },
      ]),
    ),
    [['Twitch', '', 'totp', 7, 10]],
    [/"secretSeed" is not hexadecimal/],
  ],
  [
    'TOTP Authenticator: issuer "Unknown" means none (the name names it), empty digits and period are the defaults',
    'TOTP_Authenticator_Preferences.xml',
    xml(
      'STATIC_TOTP_CODES_LIST',
      JSON.stringify([
        { base: 16, key: H, name: 'forge', issuer: 'Unknown', digits: '', period: '' },
        { base: 32, key: S, name: 'mill', issuer: 'Mill', digits: '8', period: '60' },
        { base: 64, key: 'not base64!', name: 'x', issuer: 'X', digits: '6', period: '30' },
      ]),
    ),
    [
      ['forge', '', 'totp', 6, 30],
      ['Mill', 'mill', 'totp', 8, 60],
    ],
    [/key is not base 64 text/],
  ],
  [
    'Stratum: mOTP and Yandex cannot be imported',
    'backup.stratum',
    JSON.stringify({
      Authenticators: [
        {
          Type: 3,
          Issuer: 'M',
          Secret: 'abcdef',
          Pin: '1234',
          Algorithm: 0,
          Digits: 6,
          Period: 10,
          Counter: 0,
        },
        {
          Type: 5,
          Issuer: 'Yandex',
          Secret: S,
          Pin: '1234',
          Algorithm: 0,
          Digits: 8,
          Period: 30,
          Counter: 0,
        },
        {
          Type: 2,
          Issuer: 'Forge',
          Username: null,
          Secret: S,
          Algorithm: 0,
          Digits: 6,
          Period: 30,
          Counter: 0,
        },
      ],
    }),
    [['Forge', '', 'totp', 6, 30]],
    [/does not make mOTP codes/, /does not make Yandex codes/],
  ],
  [
    'a key URI list: a TOTP with issuer Steam and 5 digits (as WinAuth writes Steam) is Steam',
    'list.txt',
    `otpauth://totp/Steam:gaben?secret=${S}&digits=5&issuer=Steam\notpauth://totp/Forge:sam?secret=${S}&digits=5&issuer=Forge\n`,
    [
      ['Steam', 'gaben', 'steam', 5, 30],
      ['Forge', 'sam', 'totp', 5, 30],
    ],
    [],
  ],
  [
    'WinAuth: a Steam account whose secret parameter is a placeholder and whose data holds the maFile',
    'exports.txt',
    `otpauth://totp/Steam:gaben?secret=ASDF&issuer=Steam&data=${encodeURIComponent(
      JSON.stringify({ shared_secret: Buffer.from(H, 'hex').toString('base64'), account_name: 'gaben' }),
    )}\n`,
    [['Steam', 'gaben', 'steam', 5, 30]],
    [],
  ],
  [
    'Steam: steamguard-cli app data dump with two accounts, one without a base64 secret',
    'steam.json',
    JSON.stringify({
      accounts: {
        a: { shared_secret: Buffer.from(H, 'hex').toString('base64'), account_name: 'gaben' },
        b: { shared_secret: '%%', account_name: 'x' },
      },
    }),
    [['Steam', 'gaben', 'steam', 5, 30]],
    [/"shared_secret" is not base64/],
  ],
];

describe('shapes of app data and exports', () => {
  it.each(rows)('%s', async (_shape, file, text, entries, errors) => {
    const report = await readImport(file, utf8(text));
    const t = report.entries.map((e) => e.token);
    expect(t.map((k) => [k.issuer, k.account, k.type, k.digits, k.period])).toEqual(entries);
    for (const k of t) expect(Buffer.from(k.secret).toString('hex')).toBe(H);
    expect(report.errors.map((e) => e.message)).toEqual(errors.map((m) => expect.stringMatching(m)));
  });
});

describe('accounts that hold no code seed are listed, never dropped', () => {
  it('Duo Mobile: a push account is "cannot be imported: Duo push account"', async () => {
    const tokens = CANONICAL.filter((c) => c.key === 'github').map((c) => c.token);
    const report = await readImport('accounts.json', utf8(writeDuo(tokens, seededRandomness('duo'), true)));
    expect(report.entries).toHaveLength(1);
    expect(report.errors.map((e) => ({ ...e, source: showSource(e.source) }))).toEqual([
      {
        source: 'accounts.json#2',
        message: expect.stringMatching(/^Cannot be imported: Duo push account\./),
      },
    ]);
  });
});
