import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AccountView, CodeSnapshot } from '../../../shared/ipc/shapes';
import type { ErrorData } from '../../../shared/errors';
import { useRowWindow } from '../hooks/useRowWindow';
import { AccountRow, ROW_HEIGHT, type RowActions } from './AccountRow';

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
  /** A row to keep rendered (scrolled to) although it may be off screen, e.g. one about to be focused. */
  revealId?: string | null;
  codes: ReadonlyMap<string, CodeSnapshot>;
  unavailable: ReadonlyMap<string, ErrorData>;
  busy: ReadonlySet<string>;
  actions: ListActions;
}

const DRAG_TYPE = 'application/x-keyfob-row';

/** The row an event happened in, with its account id. */
function rowOf(target: EventTarget | null): { row: HTMLElement; id: string } | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-row-id]') : null;
  const id = row?.dataset.rowId;
  return row && id !== undefined ? { row, id } : null;
}

/** The rendered row of account `id` in `list`, if any. */
function rowIn(list: HTMLElement | null, id: string): HTMLElement | null {
  return list?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`) ?? null;
}

/**
 * The accounts list, windowed: only the rows on screen (plus a few) are in the DOM, absolutely
 * placed at index × ROW_HEIGHT inside a list as tall as all of them, so a search keystroke or
 * clearing the search renders a screenful of rows, not thousands. The roving tab stop, the focused,
 * dragged and revealed rows are always rendered, so focus is never lost by scrolling. Keyboard,
 * click and drag events are handled here once (delegation) rather than per row.
 */
export function AccountList({
  accounts,
  visibleIds,
  revealId = null,
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

  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);
  const count = visibleIds.length;
  const range = useRowWindow(listRef, ROW_HEIGHT);
  const activeIndex = activeId === null ? -1 : visibleIds.indexOf(activeId);
  const indexes: number[] = [];
  for (let i = range.start; i < Math.min(range.end, count); i++) indexes.push(i);
  for (const id of [tabStop, activeId, drag?.id, revealId]) {
    const i = id == null ? -1 : id === activeId ? activeIndex : visibleIds.indexOf(id);
    if (i >= 0 && !indexes.includes(i)) indexes.push(i);
  }
  indexes.sort((a, b) => a - b);

  const reveal = (row: HTMLElement) => {
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  };

  // A row moved to by a key may not be rendered yet: it becomes the active row (so it renders)
  // and is focused right after that commit.
  const pendingFocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    const row = rowIn(listRef.current, id);
    if (row) reveal(row);
  });

  // The focused row follows its own moves (Alt+arrows) and stays visible: when its position (or
  // the row itself) changes, not on every render.
  useLayoutEffect(() => {
    if (activeId === null || activeIndex < 0) return;
    const row = rowIn(listRef.current, activeId);
    if (row && row === document.activeElement) row.scrollIntoView({ block: 'nearest' });
  }, [activeId, activeIndex]);

  const focusRow = (id: string | undefined) => {
    if (id === undefined) return;
    const row = rowIn(listRef.current, id);
    if (row) return reveal(row);
    pendingFocus.current = id;
    setActiveId(id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const found = rowOf(e.target);
    if (!found || e.target !== found.row) return;
    const { row, id } = found;
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
    } else if (key === '/') {
      // The window's `/` shortcut (useGlobalKeys) focuses the search without typing the slash.
      return;
    } else if (key.length === 1 && !e.shiftKey && /\S/.test(key)) {
      // Typing on a row starts a search; the key's character lands in the newly focused field.
      actions.typeToSearch();
      return;
    } else return;
    e.preventDefault();
  };

  const onClick = (e: React.MouseEvent) => {
    const found = rowOf(e.target);
    if (!found || (e.target as Element).closest('button')) return;
    actions.copy(found.id);
  };

  const onDragOver = (e: React.DragEvent) => {
    const found = rowOf(e.target);
    if (!drag || !found) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = found.row.getBoundingClientRect();
    const place = e.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
    const over = found.id;
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
      role="list"
      aria-label="Accounts"
      style={{ height: count * ROW_HEIGHT }}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onFocus={(e) => {
        const found = rowOf(e.target);
        if (found) setActiveId(found.id);
      }}
      onDragStart={(e) => {
        const found = rowOf(e.target);
        if (!found) return;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, found.id);
        setDrag({ id: found.id, over: null, place: 'before' });
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragEnd={() => setDrag(null)}
    >
      {indexes.map((i) => {
        const a = byId.get(visibleIds[i] ?? '');
        return (
          a && (
            <AccountRow
              key={a.id}
              account={a}
              snapshot={codes.get(a.id)}
              unavailable={unavailable.has(a.id)}
              tabbable={a.id === tabStop}
              dropMark={drag && drag.over === a.id && drag.id !== a.id ? drag.place : null}
              busy={busy.has(a.id)}
              actions={actions}
              index={i}
              setSize={count}
            />
          )
        );
      })}
    </ul>
  );
}
