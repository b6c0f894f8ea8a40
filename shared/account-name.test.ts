import { describe, expect, it } from 'vitest';
import { accountName, accountSubtitle, accountTitle } from './account-name';

describe('account names', () => {
  it.each([
    ['GitHub', 'alice', undefined, 'GitHub: alice'],
    ['GitHub', '', undefined, 'GitHub'],
    ['', 'alice', undefined, 'alice'],
    [' GitHub ', ' alice ', undefined, 'GitHub: alice'],
    ['', '', undefined, '(unnamed)'],
    ['', ' ', 'account 3', 'account 3'],
  ])('%j, %j (unnamed: %j) → %j', (issuer, account, unnamed, name) => {
    expect(accountName({ issuer, account }, unnamed)).toBe(name);
  });

  it.each([
    ['GitHub', 'alice', 'GitHub', 'alice'],
    ['', 'alice', 'alice', ''],
    ['  ', ' bob ', 'bob', ''],
  ])('%j / %j → %j / %j', (issuer, account, first, second) => {
    expect(accountTitle({ issuer, account })).toBe(first);
    expect(accountSubtitle({ issuer, account })).toBe(second);
  });
});
