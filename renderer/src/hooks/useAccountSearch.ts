import { useLayoutEffect, useMemo } from 'react';
import type { AccountView } from '../../../shared/ipc-contract';
import { measureFilterCommit } from '../lib/perf';
import { matchesTerms, queryTerms, searchKey } from '../lib/search';

/**
 * Filters the list by the query. Search keys are folded once per list, so a keystroke only runs
 * `includes` over ready strings; rows stay mounted and are hidden, so a keystroke never rebuilds them.
 */
export function useAccountSearch(accounts: readonly AccountView[], query: string) {
  const keys = useMemo(() => accounts.map((a) => searchKey(a.issuer, a.account)), [accounts]);
  const result = useMemo(() => {
    const terms = queryTerms(query);
    if (terms.length === 0) return { visibleIds: accounts.map((a) => a.id), visibleSet: null };
    const visibleIds: string[] = [];
    accounts.forEach((a, i) => {
      if (matchesTerms(keys[i]!, terms)) visibleIds.push(a.id);
    });
    return { visibleIds, visibleSet: new Set(visibleIds) as ReadonlySet<string> };
  }, [accounts, keys, query]);
  useLayoutEffect(measureFilterCommit, [query]);
  return result;
}
