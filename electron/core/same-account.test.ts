import { describe, expect, it } from 'vitest';
import type { Token } from '../../shared/otp-types';
import { DuplicateFinder, namesAccount, type KeyMatch } from './same-account';

// How a token stands to the stored ones: one table, every case the app and the CLI tell apart.
const key = (byte: number) => new Uint8Array(10).fill(byte);
const token = (issuer: string, account: string, secret: number, params: Partial<Token> = {}): Token => ({
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0n,
  issuer,
  account,
  secret: key(secret),
  ...params,
});

/** The stored tokens every row is matched against, each remembered by a name of its own. */
const STORED: Array<[string, Token]> = [
  ['github', token('GitHub', 'alice', 1)],
  ['work-1', token('Work', 'alice', 2)],
  ['work-2', token('Work', 'alice', 3)],
  ['steam', token('Steam', '', 4, { type: 'steam', digits: 5 })],
  ['no-issuer', token('', 'alice@example.com', 5)],
];

const cases: Array<[string, Token, KeyMatch<string>]> = [
  ['the same names and key', token('GitHub', 'alice', 1), { kind: 'duplicate', of: 'github' }],
  [
    'the same key with other parameters (update takes them)',
    token('GitHub', 'alice', 1, { digits: 8, algorithm: 'SHA256' }),
    { kind: 'duplicate', of: 'github' },
  ],
  ['the same names, another key', token('GitHub', 'alice', 9), { kind: 'new-key', of: ['github'] }],
  [
    'another key and other parameters',
    token('GitHub', 'alice', 9, { type: 'hotp', counter: 3n }),
    { kind: 'new-key', of: ['github'] },
  ],
  ['two accounts of those names', token('Work', 'alice', 9), { kind: 'new-key', of: ['work-1', 'work-2'] }],
  ['two of those names, one with this key', token('Work', 'alice', 3), { kind: 'duplicate', of: 'work-2' }],
  ['another account name', token('GitHub', 'bob', 1), { kind: 'new' }],
  ['another issuer', token('GitLab', 'alice', 9), { kind: 'new' }],
  ['names differ in case only', token('github', 'Alice', 9), { kind: 'new' }],
  ['no account name: never a new key', token('Steam', '', 8, { type: 'steam' }), { kind: 'new' }],
  ['no account name, the same key', token('Steam', '', 4), { kind: 'duplicate', of: 'steam' }],
  [
    'no issuer, the same account name',
    token('', 'alice@example.com', 6),
    { kind: 'new-key', of: ['no-issuer'] },
  ],
];

describe('DuplicateFinder.match', () => {
  const finder = new DuplicateFinder<string>();
  for (const [name, t] of STORED) finder.add(t, name);

  it.each(cases)('%s', (_what, incoming, expected) => {
    expect(finder.match(incoming)).toEqual(expected);
    expect(finder.find(incoming)).toBe(expected.kind === 'duplicate' ? expected.of : undefined);
  });

  it('an empty finder answers new', () => {
    expect(new DuplicateFinder<string>().match(token('GitHub', 'alice', 1))).toEqual({ kind: 'new' });
  });
});

describe('namesAccount', () => {
  it.each([
    ['GitHub', 'alice', true],
    ['', 'alice', true],
    ['Steam', '', false],
    ['Steam', '  ', false],
  ])('%s / %j → %s', (issuer, account, expected) => {
    expect(namesAccount({ issuer, account })).toBe(expected);
  });
});
