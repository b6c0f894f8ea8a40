import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * The search field focused on request (the global shortcut), also when the request comes before
 * the field exists: as the window mounts after an unlock or at start, the account list (and with it
 * the search field) arrives a moment later. A request still unserved once the list is `loaded` is
 * dropped, so a vault without accounts does not steal focus for a later search field.
 */
export function useSearchFocusRequest(searchRef: RefObject<HTMLInputElement | null>, loaded: boolean) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    const field = searchRef.current;
    if (field === null && !loaded) return;
    field?.focus();
    setWanted(false);
  }, [wanted, loaded, searchRef]);
  return useCallback(() => setWanted(true), []);
}
