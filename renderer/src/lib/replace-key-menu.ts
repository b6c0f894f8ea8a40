import type { AccountView } from '../../../shared/ipc/shapes';
import type { MenuItem } from '../components/Menu';

/** True while the key replaced last can still be restored (30 days, set by main). */
export function canRestoreKey(account: AccountView, nowMs: number): boolean {
  const until = account.replacedKey ? Date.parse(account.replacedKey.restorableUntil) : NaN;
  return Number.isFinite(until) && until > nowMs;
}

/** The row menu's "Replace key…" and, while possible, "Restore previous key" items. */
export function replaceKeyMenuItems(
  account: AccountView,
  nowMs: number,
  run: { replace: () => void; restore: () => void },
): MenuItem[] {
  const items: MenuItem[] = [{ id: 'replace-key', label: 'Replace key…', onSelect: run.replace }];
  if (canRestoreKey(account, nowMs))
    items.push({ id: 'restore-key', label: 'Restore previous key', onSelect: run.restore });
  return items;
}
