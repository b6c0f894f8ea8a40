import type { AccountView } from '../../../shared/ipc/shapes';
import { accountTitle } from '../../../shared/account-name';
import { errorData } from '../bridge';
import type { SettingsState } from './useSettings';
import type { Toast } from './useToasts';

type ShowToast = (t: Pick<Toast, 'message'> & Partial<Pick<Toast, 'tone' | 'durationMs'>>) => number;

/** Pinning accounts to the tray (the menu bar on macOS) from the row menu, through the window's settings state. */
export function useTrayPins(prefs: SettingsState, showToast: ShowToast) {
  const pinned = prefs.settings?.pinned ?? [];
  const trayName = prefs.status?.platform === 'mac' ? 'menu bar' : 'tray';
  return {
    /** What the row menu's pin item says for `account`. */
    label: (account: AccountView) =>
      pinned.includes(account.id) ? `Unpin from ${trayName}` : `Pin to ${trayName}`,
    /** Pins `account` or unpins it, and says so in a toast (main's refusal too: at most 10). */
    toggle(account: AccountView) {
      const pin = !pinned.includes(account.id);
      prefs.pin(account.id, pin).then(
        () =>
          showToast({
            message: `${pin ? 'Pinned' : 'Unpinned'} ${accountTitle(account)} ${pin ? 'to' : 'from'} the ${trayName}`,
          }),
        (e: unknown) => showToast({ message: errorData(e).message, tone: 'error', durationMs: 6_000 }),
      );
    },
  };
}
