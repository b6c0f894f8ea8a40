import type { Account } from '../../shared/account';
import type { DesktopPlatform } from '../../shared/ipc/shapes';
import { dialogName } from '../services/reveal-confirm';

/** What choosing a tray item does: copy a pinned account's code, or one of the app's commands. */
export type TrayAction = `copy:${string}` | 'show' | 'lock' | 'scan-screen' | 'settings' | 'quit';

/** One entry of the tray menu, as data: the tray adapter draws it, tests and the e2e harness read and "click" it. */
export type TrayItem =
  { kind: 'item'; action: TrayAction | null; label: string; enabled: boolean } | { kind: 'separator' };

/** What the tray menu is built from. */
export interface TrayState {
  /** Every account in list order (names only). */
  accounts: ReadonlyArray<Pick<Account, 'id' | 'issuer' | 'account'>>;
  /** Pinned account ids in menu order; ids of accounts that no longer exist are left out. */
  pinned: readonly string[];
  platform: DesktopPlatform;
  /** The app lock is on: no pinned account is named or copied until the window unlocks it (a screen scan waits for that). */
  locked?: boolean;
  /** A lock password is set and Keyfob is open: the menu offers Lock Keyfob. */
  lockable?: boolean;
}

/**
 * Windows and Linux menus read `&` as the mark of an access key; `&&` shows one ampersand. Names
 * come from imports and scans, so they are flattened to one line and cut (as in native dialogs).
 */
function menuLabel(text: string, platform: DesktopPlatform): string {
  return platform === 'mac' ? text : text.replaceAll('&', '&&');
}

/**
 * The tray (menu-bar) menu for `state`: the pinned accounts, whose items copy the current code, then
 * Show Keyfob, Lock Keyfob (with a lock password, while open), Scan QR code from screen…, Settings…
 * and Quit. A pure function of the state, so the menu is tested as data and rebuilt whenever the
 * accounts, the pins or the lock change.
 */
export function trayMenuModel(state: TrayState): TrayItem[] {
  const { accounts, pinned, platform, locked = false } = state;
  const lockable = state.lockable === true && !locked;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const shown = pinned.flatMap((id) => {
    const account = byId.get(id);
    return account === undefined ? [] : [account];
  });
  const item = (action: TrayAction | null, label: string, enabled = true): TrayItem => ({
    kind: 'item',
    action,
    label: menuLabel(label, platform),
    enabled,
  });
  const pins: TrayItem[] = locked
    ? [item(null, 'Keyfob is locked: show it to unlock', false)]
    : shown.length === 0
      ? [item(null, 'No pinned accounts: pin one from its ⋯ menu', false)]
      : [item(null, 'Copy code', false), ...shown.map((a) => item(`copy:${a.id}`, dialogName(a)))];
  return [
    ...pins,
    { kind: 'separator' },
    item('show', 'Show Keyfob'),
    ...(lockable ? [item('lock', 'Lock Keyfob')] : []),
    item('scan-screen', 'Scan QR code from screen…'),
    item('settings', 'Settings…'),
    { kind: 'separator' },
    item('quit', platform === 'mac' ? 'Quit Keyfob' : 'Quit'),
  ];
}

/** The pinned ids that still name an account, in order: what settings keep once accounts are deleted. */
export function livePins(pinned: readonly string[], accountIds: ReadonlySet<string>): string[] {
  return pinned.filter((id) => accountIds.has(id));
}
