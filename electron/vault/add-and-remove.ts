import { randomUUID } from 'node:crypto';
import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { DuplicateFinder, labelKey } from '../core';
import { active, toAccount, withEntry } from './entries';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import { MissingSecretError, decodeStored, missingSecretError } from './read-secrets';
import type { SecretStore } from './secret-store';
import { extraItems } from './replaced-keys';
import type { CheckedToken } from './check-token';
import type { Transaction } from './metadata-store';

/**
 * Adds under the lock, in crash-safe order: pending entry (atomic write) → keychain item → entry
 * active. A kill between the steps leaves a pending entry that `open()` adopts or drops.
 */
export async function addInOrder(
  tx: Transaction,
  store: SecretStore,
  token: Token,
  checked: CheckedToken,
  opts: { allowDuplicate?: boolean; at: string },
): Promise<Account> {
  if (opts.allowDuplicate !== true) {
    const dup = await duplicateIn(store, tx.entries, token);
    if (dup !== undefined) {
      throw new KeyfobError('duplicate', `'${accountName(dup)}' is already in Keyfob with the same secret.`);
    }
  }
  const { label, params, secretText } = checked;
  const entry: Entry = {
    id: randomUUID(),
    state: 'pending',
    ...label,
    ...params,
    createdAt: opts.at,
    updatedAt: opts.at,
  };
  await tx.commit([...tx.entries, entry]);
  try {
    await store.set(entry.id, secretText);
  } catch (e) {
    // The store reported a typed failure, so nothing was written; the delete is a precaution. If
    // the metadata write fails too, the entry stays pending and `open()` drops it later.
    await store.delete(entry.id).catch(() => false);
    await tx.commit(tx.entries.filter((x) => x.id !== entry.id)).catch(() => undefined);
    throw e;
  }
  // Re-read first: only if our lock was broken as stale could someone else have touched the entry.
  const fresh = await tx.reload();
  const done: Entry = { ...entry, state: 'active' };
  await tx.commit(fresh.some((x) => x.id === entry.id) ? withEntry(fresh, done) : [...fresh, done]);
  return toAccount(tx.entries, done);
}

/**
 * Removes under the lock: entry marked `deleting` → keychain item deleted → entry dropped. keytar
 * reads null and deletes nothing on a locked keyring, so nothing changes until the keychain has
 * proved it is unlocked.
 */
export async function removeInOrder(tx: Transaction, store: SecretStore, id: string): Promise<void> {
  const e = active(tx.entries, id);
  if ((await store.get(id)) === null) {
    await requireGone(store, e);
    await tx.commit(withEntry(tx.entries, { ...e, state: 'deleting' }));
    await deleteExtraItems(store, e);
    await tx.commit(tx.entries.filter((x) => x.id !== id));
    return;
  }
  await tx.commit(withEntry(tx.entries, { ...e, state: 'deleting' }));
  // Replaced keys first: while the entry is `deleting`, open() finishes the job if we are killed.
  await deleteExtraItems(store, e);
  if (!(await store.delete(id))) {
    try {
      if ((await store.get(id)) !== null) throw await missingSecretError(store, e);
      await requireGone(store, e);
    } catch (err) {
      await tx.commit(withEntry(tx.entries, e));
      throw err;
    }
  }
  await tx.commit(tx.entries.filter((x) => x.id !== id));
}

/** Deletes an entry's replaced keys (and a swap's backup); a missing item is fine. */
export async function deleteExtraItems(store: SecretStore, e: Entry): Promise<void> {
  for (const item of extraItems(e)) await store.delete(item);
}

/** The listed account with the same issuer, account name and secret; only accounts of those names are read from the keychain. */
export async function duplicateIn(
  store: SecretStore,
  entries: readonly Entry[],
  token: Token,
): Promise<Entry | undefined> {
  const stored = new DuplicateFinder<Entry>();
  for (const e of entries) {
    if (e.state !== 'active' || labelKey(e) !== labelKey(token)) continue;
    const text = await store.get(e.id);
    if (text !== null) stored.add({ ...e, secret: decodeStored(e, text) }, e);
  }
  return stored.find(token);
}

/** Throws unless the keychain works and really lacks the account's item (a null read proves nothing). */
async function requireGone(store: SecretStore, e: Entry): Promise<void> {
  const why = await missingSecretError(store, e);
  if (!(why instanceof MissingSecretError)) throw why;
}
