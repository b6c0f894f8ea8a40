import { useCallback, useState } from 'react';
import type { Settings } from '../../../shared/ipc/shapes';
import { errorData } from '../bridge';

/** Saving from one place in the Settings dialog: `save` never throws; main's refusal shows as `error` until the next success. */
export function useSettingSave(update: (patch: Partial<Settings>) => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    (patch: Partial<Settings>) =>
      update(patch).then(
        () => setError(null),
        (e: unknown) => setError(errorData(e).message),
      ),
    [update],
  );
  return { error, save };
}
