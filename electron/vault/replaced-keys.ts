import type { TokenParams } from '../../shared/otp-types';

/** How long a replaced key stays restorable; after that `open()` deletes it. */
export const RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** A previous key of an account, kept in the keychain item `item` since `at` (ISO time). */
export interface ReplacedKey {
  item: string;
  at: string;
  params: TokenParams;
}

/**
 * A key swap in progress (intent recorded before the keychain is touched): `backup` is the new item
 * that will hold the current key, `params` the account's parameters after the swap, and for a restore
 * `from` is the replaced item whose key comes back. See replace-key.ts for the order of writes.
 */
export interface KeySwap {
  kind: 'replace' | 'restore';
  backup: string;
  at: string;
  params: TokenParams;
  from?: string;
}

/** The keychain item name for a key replaced at `atMs`: `<id>.replaced-<ms>` (never a UUID, so never an account id). */
export function replacedItemName(id: string, atMs: number, taken: readonly string[]): string {
  let name = `${id}.replaced-${atMs}`;
  for (let n = 2; taken.includes(name); n++) name = `${id}.replaced-${atMs}-${n}`;
  return name;
}

/** Every keychain item an entry owns besides its own (replaced keys and a swap's backup). */
export function extraItems(e: { replaced?: ReplacedKey[]; swap?: KeySwap }): string[] {
  return [...(e.replaced ?? []).map((r) => r.item), ...(e.swap ? [e.swap.backup] : [])];
}
