import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import { sameSecret } from '../core';
import { active, toAccount, withEntry } from './entries';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import { replacedItemName, type KeySwap } from './replaced-keys';
import { decodeStored, missingSecretError } from './read-secrets';
import type { SecretStore } from './secret-store';
import type { CheckedToken } from './check-token';
import type { Transaction } from './metadata-store';

/**
 * "Replace key" under the lock, in crash-safe order (intent first, like add):
 * 1. entry gets `swap` {backup, new params} (atomic write);  2. current key copied to item `backup`;
 * 3. item `<id>` overwritten with the new key;  4. entry gets the new params, `backup` joins
 * `replaced`, `swap` is dropped. A kill anywhere is settled by {@link settleSwap} on open: backup
 * missing or equal to the current key → the swap never happened (undone); otherwise it is finished.
 * The new key must differ from the current one, which is what makes that comparison decisive.
 */
export async function replaceKeyInOrder(
  tx: Transaction,
  store: SecretStore,
  id: string,
  checked: CheckedToken,
  newSecret: Uint8Array,
  at: { ms: number; iso: string },
): Promise<Account> {
  const e = active(tx.entries, id);
  const current = await readItem(store, e, e.id);
  if (sameSecret(decodeStored(e, current), newSecret)) {
    throw new KeyfobError(
      'invalid-input',
      `The new key of '${accountName(e)}' is the same as its current key.`,
      'secret',
    );
  }
  const swap: KeySwap = { kind: 'replace', backup: backupName(e, at.ms), at: at.iso, params: checked.params };
  return swapInOrder(tx, store, e, swap, current, checked.secretText);
}

/**
 * "Restore" under the lock: the newest replaced key becomes current again and the current key is
 * kept as replaced (so a restore can itself be undone for 30 days). Same order as a replace, plus
 * deleting the restored key's old item before the final write.
 */
export async function restoreKeyInOrder(
  tx: Transaction,
  store: SecretStore,
  id: string,
  at: { ms: number; iso: string },
): Promise<Account> {
  const e = active(tx.entries, id);
  const last = e.replaced?.[e.replaced.length - 1];
  if (last === undefined) {
    throw new KeyfobError(
      'not-found',
      `'${accountName(e)}' has no replaced key to restore (they are kept for 30 days).`,
      'id',
    );
  }
  const previous = await readItem(store, e, last.item);
  const current = await readItem(store, e, e.id);
  const swap: KeySwap = {
    kind: 'restore',
    backup: backupName(e, at.ms),
    at: at.iso,
    params: last.params,
    from: last.item,
  };
  return swapInOrder(tx, store, e, swap, current, previous);
}

async function swapInOrder(
  tx: Transaction,
  store: SecretStore,
  e: Entry,
  swap: KeySwap,
  current: string,
  next: string,
): Promise<Account> {
  await tx.commit(withEntry(tx.entries, { ...e, swap }));
  try {
    await store.set(swap.backup, current);
    await store.set(e.id, next);
  } catch (err) {
    // A typed keychain failure: put the current key back (it may already be overwritten) and forget
    // the intent. If the keychain refuses that too, the intent stays recorded and open() settles it.
    const ok = (p: Promise<unknown>): Promise<boolean> =>
      p.then(
        () => true,
        () => false,
      );
    if ((await ok(store.set(e.id, current))) && (await ok(store.delete(swap.backup)))) {
      await tx.commit(withEntry(tx.entries, e)).catch(() => undefined);
    }
    throw err;
  }
  if (swap.from !== undefined) await store.delete(swap.from).catch(() => false);
  const done = finishSwap({ ...e, swap }, swap);
  await tx.commit(withEntry(tx.entries, done));
  return toAccount(tx.entries, done);
}

/** The entry after a completed swap: new params, current key filed as replaced, intent dropped. */
export function finishSwap(e: Entry, swap: KeySwap): Entry {
  const { swap: _s, replaced = [], ...rest } = e;
  const kept = replaced.filter((r) => r.item !== swap.from);
  const oldParams = {
    type: e.type,
    algorithm: e.algorithm,
    digits: e.digits,
    period: e.period,
    counter: e.counter,
  };
  return {
    ...rest,
    ...swap.params,
    updatedAt: swap.at,
    replaced: [...kept, { item: swap.backup, at: swap.at, params: oldParams }],
  };
}

/** The entry with an unfinished swap forgotten (nothing of it reached the account's own item). */
export function undoSwap(e: Entry): Entry {
  const { swap: _s, ...rest } = e;
  return rest;
}

async function readItem(store: SecretStore, e: Entry, item: string): Promise<string> {
  const text = await store.get(item);
  if (text === null) throw await missingSecretError(store, e);
  return text;
}

function backupName(e: Entry, ms: number): string {
  return replacedItemName(
    e.id,
    ms,
    (e.replaced ?? []).map((r) => r.item),
  );
}
