import { useLayoutEffect, useMemo } from 'react';
import type { AccountView } from '../../../shared/ipc/shapes';
import { measureFilterCommit } from '../lib/perf';
import { matchesTerms, queryTerms, searchKey } from '../lib/search';

/**
 * Filters the list by the query: the matching ids in list order (all ids when the query is empty).
 * Search keys are folded once per list, so a keystroke only runs `includes` over ready strings;
 * the windowed list then renders only the screenful of matches.
 */
export function useAccountSearch(accounts: readonly AccountView[], query: string) {
  const keys = useMemo(() => accounts.map((a) => searchKey(a.issuer, a.account)), [accounts]);
  const all = useMemo(() => accounts.map((a) => a.id), [accounts]);
  const visibleIds = useMemo(() => {
    const terms = queryTerms(query);
    if (terms.length === 0) return all;
    const ids: string[] = [];
    accounts.forEach((a, i) => {
      if (matchesTerms(keys[i]!, terms)) ids.push(a.id);
    });
    return ids;
  }, [accounts, all, keys, query]);
  useLayoutEffect(measureFilterCommit, [query]);
  return { visibleIds: visibleIds as readonly string[] };
}
