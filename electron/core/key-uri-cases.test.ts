import { describe, expect, it } from 'vitest';
import type { Token } from '../../shared/otp-types';
import { base32Encode, parseKeyUri, splitLabel } from './index';
import { inputErrorOf } from '../../test-support/core/input-field';

// Every deviation from Google's Key-Uri-Format that real apps write, with the token Keyfob
// normalises it to, and the inputs it refuses with the field named. S is "Hello!\xDE\xAD\xBE\xEF" in base32.
const S = 'JBSWY3DPEHPK3PXP';
const U = `otpauth://totp/Example:alice?secret=${S}`;

type Expected = Partial<Omit<Token, 'secret'>> & { secret?: string };
const DEFAULTS = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0n, secret: S } as const;
const STEAM = { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0n } as const;

const accepted: Array<[string, string, Expected]> = [
  [
    'Google example',
    `otpauth://totp/Example:alice@google.com?secret=${S}&issuer=Example`,
    { issuer: 'Example', account: 'alice@google.com' },
  ],
  ['upper-case type', `otpauth://TOTP/Example:alice?secret=${S}`, { issuer: 'Example', account: 'alice' }],
  ['upper-case scheme', `OTPAUTH://Totp/Example:alice?secret=${S}`, { issuer: 'Example', account: 'alice' }],
  [
    'hotp with counter',
    `otpauth://HOTP/Ex:bob?secret=${S}&counter=5`,
    { type: 'hotp', counter: 5n, issuer: 'Ex', account: 'bob' },
  ],
  [
    'hotp counter 2^64−1',
    `otpauth://hotp/Ex:bob?secret=${S}&counter=18446744073709551615`,
    { type: 'hotp', counter: 2n ** 64n - 1n, issuer: 'Ex', account: 'bob' },
  ],
  [
    'period on HOTP tolerated',
    `otpauth://hotp/Ex:bob?secret=${S}&counter=0&period=30`,
    { type: 'hotp', issuer: 'Ex', account: 'bob' },
  ],
  [
    'otpauth://steam',
    `otpauth://steam/Steam:gamer?secret=${S}&digits=8&algorithm=SHA512`,
    { ...STEAM, issuer: 'Steam', account: 'gamer' },
  ],
  [
    'totp + encoder=steam',
    `otpauth://totp/Steam:gamer?secret=${S}&issuer=Steam&encoder=steam&digits=5`,
    { ...STEAM, issuer: 'Steam', account: 'gamer' },
  ],
  ['steam://base32', `steam://${S}`, { ...STEAM, issuer: 'Steam', account: '' }],
  [
    'steam:// lower case, trailing slash',
    `steam://${S.toLowerCase()}/\n`,
    { ...STEAM, issuer: 'Steam', account: '' },
  ],
  ['%3A colon', `otpauth://totp/Example%3Aalice?secret=${S}`, { issuer: 'Example', account: 'alice' }],
  [
    '%3a lower-case colon',
    `otpauth://totp/Example%3aalice?secret=${S}`,
    { issuer: 'Example', account: 'alice' },
  ],
  ['%20 after colon', `otpauth://totp/Example:%20alice?secret=${S}`, { issuer: 'Example', account: 'alice' }],
  [
    'literal spaces after %3A',
    `otpauth://totp/Example%3A  alice?secret=${S}`,
    { issuer: 'Example', account: 'alice' },
  ],
  ['+ in the label is a space', `otpauth://totp/A+B:c+d?secret=${S}`, { issuer: 'A B', account: 'c d' }],
  ['%2B in the label is a plus', `otpauth://totp/A%2BB:c%2Bd?secret=${S}`, { issuer: 'A+B', account: 'c+d' }],
  [
    '+ is a space in the query',
    `otpauth://totp/Big%20Corp:me?secret=${S}&issuer=Big+Corp`,
    { issuer: 'Big Corp', account: 'me' },
  ],
  [
    'issuer param and prefix disagree: the prefix is split off',
    `otpauth://totp/Office:jane@contoso.com?secret=${S}&issuer=Microsoft`,
    { issuer: 'Microsoft', account: 'jane@contoso.com' },
  ],
  [
    'Office 365: + for spaces, lower-case %3a, prefix other than the issuer',
    `otpauth://totp/Some+Company%3ame%40somecompany.net?secret=${S}&issuer=Microsoft`,
    { issuer: 'Microsoft', account: 'me@somecompany.net' },
  ],
  [
    'disagreeing prefix split at an upper-case %3A',
    `otpauth://totp/Contoso%3A%20jane?secret=${S}&issuer=Microsoft`,
    { issuer: 'Microsoft', account: 'jane' },
  ],
  [
    'issuer param containing a colon, equal to the label prefix',
    `otpauth://totp/ACME:%20Corp:alice?secret=${S}&issuer=ACME%3A+Corp`,
    { issuer: 'ACME: Corp', account: 'alice' },
  ],
  [
    'no issuer param: a + spelled prefix is the issuer',
    `otpauth://totp/Big+Corp:me?secret=${S}`,
    { issuer: 'Big Corp', account: 'me' },
  ],
  [
    'prefix differs only in case',
    `otpauth://totp/github:alice?secret=${S}&issuer=GitHub`,
    { issuer: 'GitHub', account: 'alice' },
  ],
  [
    'issuer param, no prefix',
    `otpauth://totp/alice?secret=${S}&issuer=GitHub`,
    { issuer: 'GitHub', account: 'alice' },
  ],
  ['no issuer at all', `otpauth://totp/alice?secret=${S}`, { issuer: '', account: 'alice' }],
  [
    'issuer with an encoded colon',
    `otpauth://totp/ACME%3A%20Corp:alice?secret=${S}&issuer=ACME%3A%20Corp`,
    { issuer: 'ACME: Corp', account: 'alice' },
  ],
  [
    'account with a colon',
    `otpauth://totp/Example:alice:work?secret=${S}&issuer=Example`,
    { issuer: 'Example', account: 'alice:work' },
  ],
  ['empty prefix', `otpauth://totp/:a%3Ab?secret=${S}`, { issuer: '', account: 'a:b' }],
  ['slash in label', `otpauth://totp/Corp/IT:me?secret=${S}`, { issuer: 'Corp/IT', account: 'me' }],
  [
    'lower-case secret',
    `otpauth://totp/Example:alice?secret=${S.toLowerCase()}`,
    { issuer: 'Example', account: 'alice' },
  ],
  ['padding', `${U.replace(S, 'MFRA====')}`, { issuer: 'Example', account: 'alice', secret: 'MFRA' }],
  [
    '%3D-encoded padding',
    `${U.replace(S, 'MFRA%3D%3D%3D%3D')}`,
    { issuer: 'Example', account: 'alice', secret: 'MFRA' },
  ],
  [
    'length not a multiple of 8',
    `${U.replace(S, 'GEZDGNBVGY3TQOJQMFRGGZDFMZTWQ2LK'.slice(0, 26))}`,
    { issuer: 'Example', account: 'alice', secret: 'GEZDGNBVGY3TQOJQMFRGGZDFMY' },
  ],
  ['%20 groups', `${U.replace(S, 'JBSW%20Y3DP%20EHPK%203PXP')}`, { issuer: 'Example', account: 'alice' }],
  ['+ groups', `${U.replace(S, 'JBSW+Y3DP+EHPK+3PXP')}`, { issuer: 'Example', account: 'alice' }],
  ['dash groups', `${U.replace(S, 'jbsw-y3dp-ehpk-3pxp')}`, { issuer: 'Example', account: 'alice' }],
  ['trailing newline', `${U}\n`, { issuer: 'Example', account: 'alice' }],
  ['surrounding whitespace and CRLF', `  ${U}\r\n`, { issuer: 'Example', account: 'alice' }],
  [
    'unknown params, even malformed ones',
    `${U}&image=https%3A%2F%2Fx.test%2Fa.png&icon=%ZZ&codeDisplay=%7B%22x%22%7D`,
    { issuer: 'Example', account: 'alice' },
  ],
  [
    'lower-case sha256',
    `${U}&algorithm=sha256`,
    { issuer: 'Example', account: 'alice', algorithm: 'SHA256' },
  ],
  [
    'lower-case sha512',
    `${U}&algorithm=sha512&digits=8&period=60`,
    { issuer: 'Example', account: 'alice', algorithm: 'SHA512', digits: 8, period: 60 },
  ],
  [
    '10 digits, period 1',
    `${U}&digits=10&period=1`,
    { issuer: 'Example', account: 'alice', digits: 10, period: 1 },
  ],
  [
    '4 digits, period 86400',
    `${U}&digits=4&period=86400`,
    { issuer: 'Example', account: 'alice', digits: 4, period: 86_400 },
  ],
  ['empty values mean defaults', `${U}&digits=&period=&algorithm=`, { issuer: 'Example', account: 'alice' }],
  [
    'first of repeated params wins',
    `${U}&digits=8&digits=7`,
    { issuer: 'Example', account: 'alice', digits: 8 },
  ],
  [
    'upper-case param names',
    `otpauth://totp/Example:alice?SECRET=${S}&Issuer=Example`,
    { issuer: 'Example', account: 'alice' },
  ],
  [
    'non-ASCII UTF-8 names',
    `otpauth://totp/B%C3%BCro%20M%C3%BCller:j%C3%BCrgen%40b%C3%BCro.de?secret=${S}&issuer=B%C3%BCro%20M%C3%BCller`,
    { issuer: 'Büro Müller', account: 'jürgen@büro.de' },
  ],
  [
    'CJK and emoji',
    `otpauth://totp/%E6%97%A5%E6%9C%AC:%F0%9F%94%91?secret=${S}`,
    { issuer: '日本', account: '🔑' },
  ],
];

const rejected: Array<[string, string, string]> = [
  ['empty text', '  \n', 'uri'],
  ['bare secret', S, 'uri'],
  ['http URL', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', 'uri'],
  ['Google migration export', 'otpauth-migration://offline?data=CgYKAQ', 'uri'],
  ['single slash', `otpauth:/totp/Example:alice?secret=${S}`, 'uri'],
  ['unknown type', `otpauth://motp/Example:alice?secret=${S}`, 'type'],
  ['missing type', `otpauth:///Example:alice?secret=${S}`, 'type'],
  ['empty label', `otpauth://totp/?secret=${S}&issuer=Example`, 'label'],
  ['no path', `otpauth://totp?secret=${S}`, 'label'],
  ['label is a lone colon', `otpauth://totp/:?secret=${S}`, 'label'],
  ['broken % in label', `otpauth://totp/Ex%ZZ:alice?secret=${S}`, 'label'],
  ['invalid UTF-8 in label', `otpauth://totp/Ex%C3%28:alice?secret=${S}`, 'label'],
  ['broken % in issuer param', `${U}&issuer=%E0%A4%A`, 'issuer'],
  ['no secret', 'otpauth://totp/Example:alice?issuer=Example', 'secret'],
  ['empty secret', 'otpauth://totp/Example:alice?secret=&issuer=Example', 'secret'],
  ['padding only', 'otpauth://totp/Example:alice?secret=%3D%3D%3D%3D', 'secret'],
  ["'1' in secret", `otpauth://totp/Example:alice?secret=${S.slice(0, 15)}1`, 'secret'],
  ["'0' in secret", `otpauth://totp/Example:alice?secret=0${S}`, 'secret'],
  ['padding in the middle', `otpauth://totp/Example:alice?secret=MFRA==${S}`, 'secret'],
  ['broken % in secret', `otpauth://totp/Example:alice?secret=${S}%Z`, 'secret'],
  ['one-letter secret', 'otpauth://totp/Example:alice?secret=A', 'secret'],
  ['secret over 1024 bytes', `otpauth://totp/Example:alice?secret=${'A'.repeat(1640)}`, 'secret'],
  ['empty steam://', 'steam://', 'secret'],
  ['bad steam:// secret', 'steam://JBSW1', 'secret'],
  ['MD5', `${U}&algorithm=MD5`, 'algorithm'],
  ['3 digits', `${U}&digits=3`, 'digits'],
  ['11 digits', `${U}&digits=11`, 'digits'],
  ['digits in words', `${U}&digits=six`, 'digits'],
  ['period 0', `${U}&period=0`, 'period'],
  ['negative period', `${U}&period=-30`, 'period'],
  ['period over a day', `${U}&period=86401`, 'period'],
  ['fractional period', `${U}&period=30.5`, 'period'],
  ['hotp without counter', `otpauth://hotp/Example:alice?secret=${S}`, 'counter'],
  ['negative counter', `otpauth://hotp/Example:alice?secret=${S}&counter=-1`, 'counter'],
  ['counter 2^64', `otpauth://hotp/Example:alice?secret=${S}&counter=18446744073709551616`, 'counter'],
  ['fractional counter', `otpauth://hotp/Example:alice?secret=${S}&counter=1.5`, 'counter'],
  ['a URI longer than 16,384 characters', `${U}&issuer=${'x'.repeat(16_400)}`, 'uri'],
];

describe('parseKeyUri accepts real-world deviations', () => {
  it.each(accepted)('%s', (_name, uri, expected) => {
    const token = parseKeyUri(uri);
    expect({ ...token, secret: base32Encode(token.secret) }).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe('parseKeyUri rejects bad input, naming the field', () => {
  it.each(rejected)('%s → %s', (_name, uri, field) => {
    const error = inputErrorOf(() => parseKeyUri(uri));
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
    // No message may quote the secret (only a single offending character).
    expect(error.message).not.toMatch(/JBSW|MFRA|AAAA/iu);
  });

  it('explains a non-base32 character', () => {
    const error = inputErrorOf(() => parseKeyUri(`otpauth://totp/Example:alice?secret=${S.slice(0, 15)}1`));
    expect(error.message).toBe(
      "Secret contains '1', which is not a base32 letter (A–Z, 2–7) (did you mean I or L?).",
    );
  });

  it('has at least 40 cases in all', () =>
    expect(accepted.length + rejected.length).toBeGreaterThanOrEqual(40));
});

// The same rule for labels that files store as decoded text (transfer codes, app databases,
// andOTP's old labels): label, the issuer the file names besides it, and the result.
const textLabels: Array<[string, string, string, { issuer: string; account: string }]> = [
  ['no colon', 'alice', 'GitHub', { issuer: 'GitHub', account: 'alice' }],
  ['prefix equal to the issuer', 'GitHub:alice', 'GitHub', { issuer: 'GitHub', account: 'alice' }],
  ['prefix equal in another case', 'github: alice', 'GitHub', { issuer: 'GitHub', account: 'alice' }],
  ['prefix other than the issuer', 'Office:jane', 'Microsoft', { issuer: 'Microsoft', account: 'jane' }],
  ['no issuer: the prefix is the issuer', 'Deno:Mason', '', { issuer: 'Deno', account: 'Mason' }],
  ['issuer with a colon', 'ACME: Corp:alice', 'ACME: Corp', { issuer: 'ACME: Corp', account: 'alice' }],
  ['account with a colon', 'Example:a:b', 'Example', { issuer: 'Example', account: 'a:b' }],
  ['empty prefix', ':a:b', '', { issuer: '', account: 'a:b' }],
  ['plus stays a plus outside URIs', 'A+B:c+d', '', { issuer: 'A+B', account: 'c+d' }],
];

describe('splitLabel (labels stored as text)', () => {
  it.each(textLabels)('%s', (_name, label, issuer, expected) => {
    expect(splitLabel(label, issuer)).toEqual(expected);
  });
});
