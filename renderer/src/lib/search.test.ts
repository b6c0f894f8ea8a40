import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesTerms, queryTerms, searchKey } from './search';

describe('foldForSearch', () => {
  it.each([
    ['Société Générale', 'societe generale'],
    ['ÉCOLE', 'ecole'],
    ['Straße', 'strasse'],
    ['  Two   spaces ', 'two spaces'],
    ['Ångström', 'angstrom'],
    ['Crème Brûlée', 'creme brulee'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('matching an account', () => {
  const key = searchKey('Société Générale', 'zoë@example.com');
  it.each([
    ['', true],
    ['soc', true],
    ['SOCIETE', true],
    ['générale', true],
    ['zoe', true],
    ['generale zoe', true],
    ['zoe generale', true],
    ['example.com', true],
    ['github', false],
    ['generale github', false],
    // The separator keeps a term from spanning issuer and account.
    ['generalezoe', false],
  ])('query %j → %s', (query, expected) => {
    expect(matchesTerms(key, queryTerms(query))).toBe(expected);
  });
});
