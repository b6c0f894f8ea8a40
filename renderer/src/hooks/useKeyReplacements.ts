import { useCallback } from 'react';
import type { AccountView } from '../../../shared/ipc/shapes';
import { accountTitle } from '../../../shared/account-name';
import { call, errorData } from '../bridge';
import type { ShowToast } from './useBackupDialogs';
import { useLatest } from './useLatest';

/** A toast as {@link ShowToast} takes it. */
type ToastInput = Parameters<ShowToast>[0];

interface Deps {
  putAccount: (account: AccountView) => void;
  reload: () => Promise<void>;
  refreshCodes: () => Promise<void>;
  showToast: ShowToast;
}

/** How long the Undo of a key replacement stays offered. */
export const UNDO_REPLACE_MS = 10_000;

/**
 * After "replace key" (from a scan, an import, the manual-entry form or the row menu): the rows show
 * their new codes at once, and the toast's Undo restores the previous keys. `restore` is also the
 * row menu's "Restore previous key".
 */
export function useKeyReplacements(deps: Deps) {
  const latest = useLatest(deps);

  const show = useCallback(
    (accounts: readonly AccountView[]) => {
      const { putAccount, reload, refreshCodes } = latest.current;
      for (const a of accounts) putAccount(a);
      void reload();
      void refreshCodes();
    },
    [latest],
  );

  /** Swaps each account's previous key back in, one after another; one toast says what happened. */
  const restore = useCallback(
    async (accounts: readonly AccountView[]) => {
      const restored: AccountView[] = [];
      try {
        for (const a of accounts) restored.push(await call('accounts:restore-key', a.id));
        const [first] = restored;
        latest.current.showToast({
          message:
            restored.length === 1 && first
              ? `Restored the previous key of ${accountTitle(first)}`
              : `Restored ${restored.length} previous keys`,
        });
      } catch (e) {
        latest.current.showToast({ message: errorData(e).message, tone: 'error', durationMs: 6_000 });
      } finally {
        show(restored);
      }
    },
    [latest, show],
  );

  /** Shows what was saved; when keys were replaced, the toast offers Undo (= restore them). */
  const announce = useCallback(
    (replaced: readonly AccountView[], toast: ToastInput) => {
      show(replaced);
      if (replaced.length === 0) return latest.current.showToast(toast);
      return latest.current.showToast({
        durationMs: UNDO_REPLACE_MS,
        ...toast,
        action: { label: 'Undo', run: () => void restore(replaced) },
      });
    },
    [latest, restore, show],
  );

  return { restore, announce };
}
