import { randomUUID } from 'node:crypto';
import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { sameSecret } from '../core';
import { active, replace, toAccount } from './entries';
import { entryName, type Entry } from './metadata';
import { MissingSecretError, decodeStored, missingSecretError } from './secret-reads';
import type { SecretStore } from './secret-store';
import { extraItems } from './replaced-meta';
import type { CheckedToken } from './token-input';
import type { Transaction } from './vault-session';

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
      throw new KeyfobError('duplicate', `'${entryName(dup)}' is already in Keyfob with the same secret.`);
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
  await tx.commit(fresh.some((x) => x.id === entry.id) ? replace(fresh, done) : [...fresh, done]);
  return toAccount(tx.entries, done);
}

/** One account of a bulk add, checked; `error` set when it was refused before anything was written. */
export interface BulkItem {
  token: Token;
  checked?: CheckedToken;
  allowDuplicate?: boolean;
  error?: KeyfobError;
}

/** How many keychain writes a bulk add keeps in flight (gnome-keyring serialises them anyway). */
const BULK_WRITES_IN_FLIGHT = 8;

/**
 * Adds many accounts under one lock in the same crash-safe order as {@link addInOrder}, but with
 * one metadata write per step instead of two per account: all pending → keychain items (a few in
 * flight) → all active. A kill at any instant leaves pending entries that `open()` adopts (secret
 * written) or drops (not written). Each item gets its account or its own error.
 */
export async function addManyInOrder(
  tx: Transaction,
  store: SecretStore,
  items: BulkItem[],
  at: string,
): Promise<Array<Account | KeyfobError>> {
  const accepted: Array<Token> = [];
  for (const item of items) {
    if (item.error !== undefined || item.checked === undefined) continue;
    if (item.allowDuplicate !== true) {
      const stored = await duplicateIn(store, tx.entries, item.token);
      const earlier = accepted.some(
        (t) =>
          t.issuer === item.token.issuer &&
          t.account === item.token.account &&
          sameSecret(t.secret, item.token.secret),
      );
      if (stored !== undefined || earlier) {
        const name = entryName(item.token);
        item.error = new KeyfobError(
          'duplicate',
          stored !== undefined
            ? `'${name}' is already in Keyfob with the same secret.`
            : `'${name}' appears twice in this import with the same secret; it was added once.`,
        );
        continue;
      }
    }
    accepted.push(item.token);
  }
  const pending = new Map<BulkItem, Entry>();
  for (const item of items) {
    if (item.error !== undefined || item.checked === undefined) continue;
    const { label, params } = item.checked;
    pending.set(item, {
      id: randomUUID(),
      state: 'pending',
      ...label,
      ...params,
      createdAt: at,
      updatedAt: at,
    });
  }
  if (pending.size > 0) await tx.commit([...tx.entries, ...pending.values()]);
  const queue = [...pending];
  const failed = new Set<string>();
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [item, entry] = next;
      try {
        await store.set(entry.id, (item.checked as CheckedToken).secretText);
      } catch (e) {
        await store.delete(entry.id).catch(() => false);
        item.error = e instanceof KeyfobError ? e : new KeyfobError('internal', 'The keychain write failed.');
        failed.add(entry.id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_WRITES_IN_FLIGHT, queue.length) }, worker));
  if (pending.size > 0) {
    // Re-read first: only if our lock was broken as stale could someone else have touched them.
    const fresh = (await tx.reload()).filter((x) => !failed.has(x.id));
    const done = new Map(
      [...pending.values()]
        .filter((e) => !failed.has(e.id))
        .map((e) => [e.id, { ...e, state: 'active' } as Entry]),
    );
    const known = new Set(fresh.map((x) => x.id));
    await tx.commit([
      ...fresh.map((x) => done.get(x.id) ?? x),
      ...[...done.values()].filter((e) => !known.has(e.id)),
    ]);
  }
  return items.map((item) => {
    if (item.error !== undefined) return item.error;
    const entry = pending.get(item) as Entry;
    return toAccount(tx.entries, { ...entry, state: 'active' });
  });
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
    await tx.commit(replace(tx.entries, { ...e, state: 'deleting' }));
    await deleteExtraItems(store, e);
    await tx.commit(tx.entries.filter((x) => x.id !== id));
    return;
  }
  await tx.commit(replace(tx.entries, { ...e, state: 'deleting' }));
  // Replaced keys first: while the entry is `deleting`, open() finishes the job if we are killed.
  await deleteExtraItems(store, e);
  if (!(await store.delete(id))) {
    try {
      if ((await store.get(id)) !== null) throw await missingSecretError(store, e);
      await requireGone(store, e);
    } catch (err) {
      await tx.commit(replace(tx.entries, e));
      throw err;
    }
  }
  await tx.commit(tx.entries.filter((x) => x.id !== id));
}

/** Deletes an entry's replaced keys (and a swap's backup); a missing item is fine. */
export async function deleteExtraItems(store: SecretStore, e: Entry): Promise<void> {
  for (const item of extraItems(e)) await store.delete(item);
}

/** Compares secrets only with accounts of the same issuer and name: a few keychain reads at most. */
export async function duplicateIn(
  store: SecretStore,
  entries: readonly Entry[],
  token: Token,
): Promise<Entry | undefined> {
  for (const e of entries) {
    if (e.state !== 'active' || e.issuer !== token.issuer || e.account !== token.account) continue;
    const text = await store.get(e.id);
    if (text !== null && sameSecret(decodeStored(e, text), token.secret)) return e;
  }
  return undefined;
}

/** Throws unless the keychain works and really lacks the account's item (a null read proves nothing). */
async function requireGone(store: SecretStore, e: Entry): Promise<void> {
  const why = await missingSecretError(store, e);
  if (!(why instanceof MissingSecretError)) throw why;
}
