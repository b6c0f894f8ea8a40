import { randomUUID } from 'node:crypto';
import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { DuplicateFinder } from '../core';
import { toAccount } from './entries';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import { duplicateIn } from './add-and-remove';
import type { SecretStore } from './secret-store';
import { checkToken, type CheckedToken } from './check-token';
import type { Transaction, MetadataStore } from './metadata-store';

/** About how long one slice of a bulk add holds the lock: the longest anyone else waits for it. */
export const SLICE_HOLD_MS = 1_000;
/** Accounts in the first slice, before the keychain's speed is known. */
const FIRST_SLICE = 10;
/** The most accounts in one slice (a fast keychain: few metadata writes per account). */
const MAX_SLICE = 100;

/**
 * How a caller follows and stops a bulk add. `signal`: once aborted, the add stops after the keychain
 * write in progress; accounts written by then are saved (listed, their entries active), the rest are
 * never written and get no result (null). `onSlice`: after each committed slice, how many of its
 * accounts were settled (saved, or refused on their own).
 */
export interface BulkControl {
  signal?: AbortSignal;
  onSlice?: (settled: number) => void;
}

/** One account's outcome: the new account, why it was not added, or null when a stop came first. */
export type BulkResult = Account | KeyfobError | null;

/** Each token checked like a single add; a refused one carries its error and is never written. */
export function checkBulk(items: ReadonlyArray<{ token: Token; allowDuplicate?: boolean }>): BulkItem[] {
  return items.map(({ token, allowDuplicate }) => {
    try {
      return { token, allowDuplicate, checked: checkToken(token) };
    } catch (e) {
      if (e instanceof KeyfobError) return { token, error: e };
      throw e;
    }
  });
}

/**
 * Adds many accounts in slices, each its own transaction (lock taken, pending → keychain → active,
 * lock released), sized from the last slice's keychain speed so each holds the lock for about
 * {@link SLICE_HOLD_MS}: gnome-keyring slows down as it fills (a hundred items can take seconds), and
 * an app or CLI writer waiting between two slices must get its turn within its few seconds' wait.
 * A repeat inside the whole batch is reported as such, whichever slice holds the first.
 */
export async function addInSlices(
  metadata: MetadataStore,
  store: SecretStore,
  items: BulkItem[],
  at: () => string,
  control: BulkControl = {},
  holdMs = SLICE_HOLD_MS,
): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  const accepted = new DuplicateFinder<true>();
  let size = FIRST_SLICE;
  for (let i = 0; i < items.length;) {
    if (control.signal?.aborted === true) {
      out.push(...items.slice(i).map(() => null));
      break;
    }
    const slice = items.slice(i, i + size);
    i += slice.length;
    let held = 0;
    const results = await metadata.transaction(async (tx) => {
      const started = performance.now();
      try {
        return await addManyInOrder(tx, store, slice, at(), accepted, control.signal);
      } finally {
        held = performance.now() - started;
      }
    });
    out.push(...results);
    control.onSlice?.(results.filter((r) => r !== null).length);
    const written = results.filter((r) => r !== null && !(r instanceof KeyfobError)).length;
    const perAccount = held / Math.max(written, 1);
    size = Math.max(1, Math.min(MAX_SLICE, Math.floor(holdMs / Math.max(perAccount, 1))));
  }
  return out;
}

/** One account of a bulk add, checked; `error` set when it was refused before anything was written. */
export interface BulkItem {
  token: Token;
  checked?: CheckedToken;
  allowDuplicate?: boolean;
  error?: KeyfobError;
}

/**
 * How many keychain writes a bulk add keeps in flight. gnome-keyring does one at a time anyway (and
 * rewrites its whole keyring file for each), and every write queued ahead of a reader's request is
 * time that reader waits: with one, `keyfob code` during an import is about as fast as without
 * (bench/read-while-import-bench.ts), and 1200 accounts took ≈ 45 s here with one or with eight.
 */
const BULK_WRITES_IN_FLIGHT = 1;

/**
 * Adds many accounts under one lock in the same crash-safe order as addInOrder, but with
 * one metadata write per step instead of two per account: all pending → keychain items (a few in
 * flight) → all active. A kill at any instant leaves pending entries that `open()` adopts (secret
 * written) or drops (not written). Each item gets its account or its own error; once `signal` is
 * aborted no further item is written: those get null and their pending entries are dropped in the
 * last write, exactly as `open()` would drop them after a kill.
 */
export async function addManyInOrder(
  tx: Transaction,
  store: SecretStore,
  items: BulkItem[],
  at: string,
  accepted = new DuplicateFinder<true>(),
  signal?: AbortSignal,
): Promise<BulkResult[]> {
  for (const item of items) {
    if (item.error !== undefined || item.checked === undefined) continue;
    if (item.allowDuplicate !== true) {
      const stored = await duplicateIn(store, tx.entries, item.token);
      const earlier = accepted.find(item.token) !== undefined;
      if (stored !== undefined || earlier) {
        const name = accountName(item.token);
        item.error = new KeyfobError(
          'duplicate',
          earlier
            ? `'${name}' appears twice in this import with the same secret; it was added once.`
            : `'${name}' is already in Keyfob with the same secret.`,
        );
        continue;
      }
    }
    accepted.add(item.token, true);
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
  const reached = new Set<BulkItem>();
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined && signal?.aborted !== true; next = queue.shift()) {
      const [item, entry] = next;
      reached.add(item);
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
  for (const [item, entry] of pending) if (!reached.has(item)) failed.add(entry.id);
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
    if (!reached.has(item)) return null;
    return toAccount(tx.entries, { ...entry, state: 'active' });
  });
}
