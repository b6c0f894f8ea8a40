import { useLayoutEffect, useRef, useState } from 'react';
import type { AccountView, CodeSnapshot } from '../../../shared/ipc-contract';
import type { ErrorData } from '../../../shared/errors';
import { AccountRow, type RowActions } from './AccountRow';

/** Everything the list asks of the app, as one stable object. */
export interface ListActions extends RowActions {
  copy: (id: string) => void;
  edit: (id: string) => void;
  remove: (id: string) => void;
  move: (id: string, delta: -1 | 1) => void;
  drop: (id: string, targetId: string, place: 'before' | 'after') => void;
  clearSearch: () => boolean;
  typeToSearch: () => void;
}

interface AccountListProps {
  accounts: readonly AccountView[];
  /** Ids matching the search, in list order; null when no search is active. */
  visibleIds: readonly string[];
  visibleSet: ReadonlySet<string> | null;
  codes: ReadonlyMap<string, CodeSnapshot>;
  unavailable: ReadonlyMap<string, ErrorData>;
  busy: ReadonlySet<string>;
  actions: ListActions;
}

const DRAG_TYPE = 'application/x-keyfob-row';

function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-row-id]') : null;
}

/**
 * The accounts list. Keyboard, click and drag events are handled here once (delegation) rather
 * than per row; only one row is in the Tab order at a time (roving tabindex).
 */
export function AccountList({
  accounts,
  visibleIds,
  visibleSet,
  codes,
  unavailable,
  busy,
  actions,
}: AccountListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; over: string | null; place: 'before' | 'after' } | null>(
    null,
  );
  const tabStop = activeId !== null && visibleIds.includes(activeId) ? activeId : (visibleIds[0] ?? null);

  // Search hides rows by toggling `hidden` on their elements here, not through a row prop: a
  // keystroke then costs one pass over strings and attributes instead of re-rendering every row.
  useLayoutEffect(() => {
    for (const row of listRef.current?.children ?? []) {
      const el = row as HTMLElement;
      const hide = visibleSet !== null && !visibleSet.has(el.dataset.rowId ?? '');
      if (el.hidden !== hide) el.hidden = hide;
    }
  }, [visibleSet, accounts]);

  const focusRow = (id: string | undefined) => {
    if (id === undefined) return;
    listRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const row = rowOf(e.target);
    if (!row || e.target !== row) return;
    const id = row.dataset.rowId!;
    const at = visibleIds.indexOf(id);
    const key = e.key;
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) actions.move(id, key === 'ArrowUp' ? -1 : 1);
    else if (e.altKey || e.ctrlKey || e.metaKey) return;
    else if (key === 'ArrowDown') focusRow(visibleIds[at + 1]);
    else if (key === 'ArrowUp') focusRow(visibleIds[at - 1]);
    else if (key === 'Home') focusRow(visibleIds[0]);
    else if (key === 'End') focusRow(visibleIds[visibleIds.length - 1]);
    else if (key === 'Enter' || key === ' ') actions.copy(id);
    else if (key === 'F2') actions.edit(id);
    else if (key === 'Delete') actions.remove(id);
    else if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) {
      const button = row.querySelector<HTMLElement>('.row-menu-button');
      if (button) actions.openMenu(id, button);
    } else if (key === 'Escape') {
      if (!actions.clearSearch()) return;
    } else if (key.length === 1 && !e.shiftKey && /\S/.test(key)) {
      // Typing on a row starts a search; the key's character lands in the newly focused field.
      actions.typeToSearch();
      return;
    } else return;
    e.preventDefault();
  };

  const onClick = (e: React.MouseEvent) => {
    const row = rowOf(e.target);
    if (!row || (e.target as Element).closest('button')) return;
    actions.copy(row.dataset.rowId!);
  };

  const onDragOver = (e: React.DragEvent) => {
    const row = rowOf(e.target);
    if (!drag || !row) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = row.getBoundingClientRect();
    const place = e.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
    const over = row.dataset.rowId!;
    if (over !== drag.over || place !== drag.place) setDrag({ ...drag, over, place });
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    if (drag?.over) actions.drop(drag.id, drag.over, drag.place);
    setDrag(null);
  };

  return (
    <ul
      ref={listRef}
      className="account-list"
      aria-label="Accounts"
      onKeyDown={onKeyDown}
      onClick={onClick}
      onFocus={(e) => {
        const row = rowOf(e.target);
        if (row) setActiveId(row.dataset.rowId!);
      }}
      onDragStart={(e) => {
        const row = rowOf(e.target);
        if (!row) return;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, row.dataset.rowId!);
        setDrag({ id: row.dataset.rowId!, over: null, place: 'before' });
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragEnd={() => setDrag(null)}
    >
      {accounts.map((a) => (
        <AccountRow
          key={a.id}
          account={a}
          snapshot={codes.get(a.id)}
          unavailable={unavailable.has(a.id)}
          tabbable={a.id === tabStop}
          dropMark={drag && drag.over === a.id && drag.id !== a.id ? drag.place : null}
          busy={busy.has(a.id)}
          actions={actions}
        />
      ))}
    </ul>
  );
}
