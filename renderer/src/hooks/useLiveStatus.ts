import { useEffect, useState } from 'react';

/**
 * A status main owns: fetched once at mount, then replaced by every push of main's event (a push
 * that lands before the first answer wins over it). `fetch` and `watch` must be stable functions.
 */
export function useLiveStatus<T>(fetch: () => Promise<T>, watch: (set: (value: T) => void) => () => void) {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const off = watch((next) => setValue(next));
    fetch().then(
      (first) => {
        if (live) setValue((pushed) => pushed ?? first);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
      off();
    };
  }, [fetch, watch]);
  return { value, failed, set: setValue };
}
