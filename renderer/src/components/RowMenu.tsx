import type { AccountView } from '../../../shared/ipc/shapes';
import { accountTitle } from '../../../shared/account-name';
import { replaceKeyMenuItems } from '../lib/replace-key-menu';
import { Menu } from './Menu';

/** What the row menu's items do, each for the menu's account. */
export interface RowMenuActions {
  copy: () => void;
  edit: () => void;
  replaceKey: () => void;
  restoreKey: () => void;
  showQr: () => void;
  togglePin: () => void;
  move: (delta: -1 | 1) => void;
  remove: () => void;
}

interface RowMenuProps {
  account: AccountView;
  anchor: HTMLElement;
  /** When the menu opened: whether a replaced key can still be restored is judged then. */
  openedAtMs: number;
  /** The row's place among the rows shown (-1 when hidden) and how many are shown: moving stops at the ends. */
  at: number;
  count: number;
  /** "Pin to tray", "Unpin from menu bar", …: what the pin item says for this account. */
  pinLabel: string;
  run: RowMenuActions;
  onClose: () => void;
}

/** A row's ⋯ menu: copy, edit, replace or restore its key, Show QR, pin to the tray, move, delete. */
export function RowMenu({ account, anchor, openedAtMs, at, count, pinLabel, run, onClose }: RowMenuProps) {
  return (
    <Menu
      label={`Actions for ${accountTitle(account)}`}
      anchor={anchor}
      onClose={onClose}
      items={[
        { id: 'copy', label: 'Copy code', shortcut: 'Enter', onSelect: run.copy },
        { id: 'edit', label: 'Edit…', shortcut: 'F2', onSelect: run.edit },
        ...replaceKeyMenuItems(account, openedAtMs, { replace: run.replaceKey, restore: run.restoreKey }),
        { id: 'show-qr', label: 'Show QR…', onSelect: run.showQr },
        { id: 'pin', label: pinLabel, onSelect: run.togglePin },
        { id: 'up', label: 'Move up', shortcut: 'Alt+↑', disabled: at <= 0, onSelect: () => run.move(-1) },
        {
          id: 'down',
          label: 'Move down',
          shortcut: 'Alt+↓',
          disabled: at < 0 || at >= count - 1,
          onSelect: () => run.move(1),
        },
        { id: 'delete', label: 'Delete…', shortcut: 'Del', danger: true, onSelect: run.remove },
      ]}
    />
  );
}
