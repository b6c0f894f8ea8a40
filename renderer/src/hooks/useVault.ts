import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView, VaultStatus } from '../../../shared/ipc/shapes';
import type { ErrorData } from '../../../shared/errors';
import { call, errorData, onEvent } from '../bridge';

/**
 * The account list and the vault's status, fetched from main and re-fetched whenever main says
 * the vault changed (the CLI, another process) or the window regains focus.
 */
export function useVault() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [listError, setListError] = useState<ErrorData | null>(null);
  // Bumped after every successful list fetch so codes are fetched for the same set of accounts.
  const [version, setVersion] = useState(0);
  const seq = useRef(0);

  // The status, then the list; the answers land in callbacks, so state changes when main replies.
  const load = useCallback((retry = false): Promise<void> => {
    const mine = ++seq.current;
    const current = () => mine === seq.current;
    return call(retry ? 'vault:retry' : 'vault:status')
      .catch((err: unknown): VaultStatus => ({ ok: false, error: errorData(err) }))
      .then((nextStatus) => {
        if (!current()) return;
        setStatus(nextStatus);
        return call('accounts:list').then(
          (list) => {
            if (!current()) return;
            setAccounts(list);
            setListError(null);
            setVersion((v) => v + 1);
          },
          // Keep whatever list is already on screen: a failed read must never look like an empty vault.
          (err: unknown) => {
            if (!current()) return;
            setListError(errorData(err));
            setVersion((v) => v + 1);
          },
        );
      });
  }, []);

  useEffect(() => {
    void load();
    const off = onEvent('vault:changed', () => void load());
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      off();
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  const retry = useCallback(() => load(true), [load]);
  const reload = useCallback(() => load(false), [load]);

  /** Shows the new order at once and persists it; on failure the list is re-read from main. */
  const reorder = useCallback(
    async (ids: string[]) => {
      // Shares the load sequence: a reply to an older reorder or load must not undo this order.
      const mine = ++seq.current;
      setAccounts((prev) => {
        if (!prev) return prev;
        const byId = new Map(prev.map((a) => [a.id, a]));
        return ids.map((id) => byId.get(id)).filter((a): a is AccountView => a !== undefined);
      });
      try {
        const list = await call('accounts:reorder', ids);
        if (mine === seq.current) setAccounts(list);
      } catch (err) {
        void load();
        throw err;
      }
    },
    [load],
  );

  /** Replaces one account in place (after a rename), keeping every other object identical. */
  const putAccount = useCallback((updated: AccountView) => {
    setAccounts((prev) => prev?.map((a) => (a.id === updated.id ? updated : a)) ?? prev);
  }, []);

  return { status, accounts, listError, version, retry, reload, reorder, putAccount };
}
