/**
 * Folds text for search: lower case, accents removed (NFD then drop combining marks), so that
 * "zurich" finds "Zürich" and "ÉCOLE" finds "école".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** True when every word of `query` occurs in `haystackKey` (already folded by {@link searchKey}). */
export function matchesSearch(haystackKey: string, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  return words.every((w) => haystackKey.includes(w));
}
