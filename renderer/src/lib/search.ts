/** Folds text for matching: no accents (NFD, combining marks removed), lower case, one space. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The one string an account is searched by: issuer and account folded, joined by a separator no query holds. */
export function searchKey(issuer: string, account: string): string {
  return `${foldForSearch(issuer)}\u0001${foldForSearch(account)}`;
}

/** Splits a query into folded terms; every term must occur in the key (order-free). */
export function queryTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

/** True when every term occurs in the key; no terms match everything. */
export function matchesTerms(key: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!key.includes(term)) return false;
  return true;
}
