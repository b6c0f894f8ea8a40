import { useCallback, useMemo, useState } from 'react';
import type { AccountView } from '../../../shared/ipc/shapes';
import { call, errorData } from '../bridge';
import type { ListActions } from '../components/AccountList';
import { moveByStep, moveTo } from '../lib/reorder';
import { useLatest } from './useLatest';
import type { Toast } from './useToasts';
import { accountTitle } from '../../../shared/account-name';

type ShowToast = (
  t: Omit<Toast, 'id' | 'tone' | 'durationMs'> & Partial<Pick<Toast, 'tone' | 'durationMs'>>,
) => number;

interface Deps {
  /** Every account in order, including ones pending deletion (they still exist in the vault). */
  all: readonly AccountView[];
  visibleIds: readonly string[];
  reorder: (ids: string[]) => Promise<void>;
  /** Re-reads every code (after an HOTP take). */
  refreshCodes: () => Promise<void>;
  showToast: ShowToast;
  openMenu: (id: string, anchor: HTMLElement) => void;
  edit: (account: AccountView) => void;
  remove: (account: AccountView) => void;
  clearSearch: () => boolean;
  focusSearch: () => void;
}

/** The list's actions as ONE stable object (rows are memoised on it); each reads fresh state. */
export function useAccountActions(deps: Deps): { actions: ListActions; busy: ReadonlySet<string> } {
  const latest = useLatest(deps);
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const find = useCallback((id: string) => latest.current.all.find((a) => a.id === id), [latest]);
  const fail = useCallback(
    (err: unknown) => {
      latest.current.showToast({ message: errorData(err).message, tone: 'error', durationMs: 6_000 });
    },
    [latest],
  );

  const actions = useMemo<ListActions>(
    () => ({
      copy: (id) => {
        const a = find(id);
        if (!a) return;
        call('clipboard:copy-code', id).then(({ clearAfterSeconds }) => {
          const name = accountTitle(a);
          const clears = clearAfterSeconds > 0 ? ` — clears in ${clearAfterSeconds} s` : '';
          latest.current.showToast({ message: `Copied ${name} code${clears}` });
        }, fail);
      },
      hotpNext: (id) => {
        setBusy((b) => new Set(b).add(id));
        // main "takes" the code at the stored counter (the one on screen, RFC 4226 §7.2) and moves
        // the counter on; re-reading shows the following code, which is also what a copy copies.
        call('accounts:hotp-next', id)
          .then(() => latest.current.refreshCodes(), fail)
          .finally(() =>
            setBusy((b) => {
              const next = new Set(b);
              next.delete(id);
              return next;
            }),
          );
      },
      move: (id, delta) => {
        const { all, visibleIds, reorder } = latest.current;
        const ids = moveByStep(
          all.map((a) => a.id),
          visibleIds,
          id,
          delta,
        );
        if (ids) reorder(ids).catch(fail);
      },
      drop: (id, targetId, place) => {
        const ids = moveTo(
          latest.current.all.map((a) => a.id),
          id,
          targetId,
          place,
        );
        if (ids) latest.current.reorder(ids).catch(fail);
      },
      edit: (id) => {
        const a = find(id);
        if (a) latest.current.edit(a);
      },
      remove: (id) => {
        const a = find(id);
        if (a) latest.current.remove(a);
      },
      openMenu: (id, anchor) => latest.current.openMenu(id, anchor),
      clearSearch: () => latest.current.clearSearch(),
      typeToSearch: () => latest.current.focusSearch(),
    }),
    [find, fail, latest],
  );
  return { actions, busy };
}
