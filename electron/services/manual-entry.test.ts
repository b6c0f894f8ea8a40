import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type ManualDraft } from '../../shared/ipc/shapes';
import { draftField, draftToToken, parseDraft, parseLabel } from './manual-entry';

const base: ManualDraft = {
  ...EMPTY_DRAFT,
  issuer: 'Example',
  account: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
};

describe('parseDraft: accepted drafts', () => {
  it.each([
    ['spaces, dashes, lower case and padding in the secret', { secret: 'jbsw y3dp-ehpk 3pxp====' }, {}],
    ['labels are trimmed', { issuer: '  Example ', account: ' alice@example.com\n' }, {}],
    [
      '8 digits, 60 s, SHA256',
      { digits: '8', period: ' 60 ', algorithm: 'SHA256' },
      { digits: 8, period: 60, algorithm: 'SHA256' },
    ],
    ['an issuer alone is enough', { account: '' }, { account: '' }],
    [
      'Steam ignores digits and period',
      { type: 'steam', digits: 'x', period: '' },
      { type: 'steam', digits: 5, period: 30 },
    ],
    [
      'HOTP counter beyond 2^53',
      { type: 'hotp', counter: '18446744073709551615' },
      { type: 'hotp', counter: 2n ** 64n - 1n },
    ],
    ['TOTP ignores the counter field', { counter: 'abc' }, { counter: 0n }],
  ] as const)('%s', (_name, patch, expected) => {
    const token = draftToToken({ ...base, ...patch } as ManualDraft);
    expect(token).toMatchObject({ issuer: 'Example', account: 'alice@example.com', ...expected });
    expect(Array.from(token.secret)).toEqual([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]);
  });
});

describe('parseDraft: field errors', () => {
  it.each([
    ['secret with a 1', { secret: 'JBSWY1' }, { secret: /'1', which is not a base32 letter.*I or L/ }],
    ['empty secret', { secret: '  ' }, { secret: /empty/ }],
    ['digits not a number', { digits: 'six' }, { digits: /whole number/ }],
    ['digits out of range', { digits: '11' }, { digits: /4 to 10/ }],
    ['empty period', { period: '' }, { period: /empty/ }],
    ['period zero', { period: '0' }, { period: /1 to 86400/ }],
    ['HOTP counter too big', { type: 'hotp', counter: '18446744073709551616' }, { counter: /0 to/ }],
    ['unknown type', { type: 'motp' }, { type: /not supported/ }],
    ['unknown algorithm', { algorithm: 'MD5' }, { algorithm: /not supported/ }],
    ['no names at all', { issuer: ' ', account: '' }, { account: /account name/ }],
    ['issuer too long', { issuer: 'x'.repeat(257) }, { issuer: /longer than 256/ }],
  ] as const)('%s', (_name, patch, expected) => {
    const parsed = parseDraft({ ...base, ...patch } as ManualDraft);
    expect(parsed.token).toBeNull();
    expect(Object.keys(parsed.errors ?? {})).toEqual(Object.keys(expected));
    for (const [field, pattern] of Object.entries(expected)) {
      expect(parsed.errors?.[field as keyof ManualDraft]).toMatch(pattern);
    }
  });

  it('reports every bad field at once, never echoing the secret', () => {
    const parsed = parseDraft({
      ...base,
      secret: 'SECRET0SEED',
      digits: '3',
      period: 'x',
      account: '',
      issuer: '',
    });
    expect(Object.keys(parsed.errors ?? {}).sort()).toEqual(['account', 'digits', 'period', 'secret']);
    expect(JSON.stringify(parsed.errors)).not.toContain('SECRET0SEED');
  });

  it('throws the first error with its field from draftToToken', () => {
    expect(() => draftToToken({ ...base, digits: '12' })).toThrow(
      expect.objectContaining({ code: 'invalid-input', field: 'digits' }),
    );
  });
});

describe('draftField', () => {
  it.each([
    ['digits', 'digits'],
    ['label', 'account'],
    ['uri', 'secret'],
    [undefined, 'secret'],
    ['time', 'secret'],
  ] as const)('%s → %s', (field, expected) => expect(draftField(field)).toBe(expected));
});

describe('parseLabel', () => {
  it('trims and accepts either name alone', () => {
    expect(parseLabel(' GitHub ', '')).toEqual({ issuer: 'GitHub', account: '' });
  });
  it('refuses two empty names on the account field', () => {
    expect(() => parseLabel('', ' ')).toThrow(expect.objectContaining({ field: 'account' }));
  });
});
