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
    keys.forEach((key, i) => {
      const id = all[i];
      if (id !== undefined && matchesTerms(key, terms)) ids.push(id);
    });
    return ids;
  }, [all, keys, query]);
  useLayoutEffect(measureFilterCommit, [query]);
  return { visibleIds: visibleIds as readonly string[] };
}
