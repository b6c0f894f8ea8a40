import { KeyfobError } from '../../shared/errors';
import type { Entry } from './metadata';
import { accountName } from '../../shared/account-name';
import { finishSwap, undoSwap } from './replace-key';
import { RESTORE_WINDOW_MS } from './replaced-keys';
import type { SecretStore } from './secret-store';

/** What settling did: the new entries and a line per action (for OpenReport.recovered). */
export interface Upkeep {
  entries: Entry[];
  lines: string[];
  changed: boolean;
}

/** True when open() has replaced-key work to do: a swap to settle or a replaced key past 30 days. */
export function needsUpkeep(entries: readonly Entry[], nowMs: number): boolean {
  return entries.some((e) => e.swap !== undefined || (e.replaced ?? []).some((r) => expired(r.at, nowMs)));
}

/**
 * Settles swaps a killed process left (see replace-key.ts) and deletes replaced keys older than
 * 30 days. Touches only entries that need it. A locked keychain changes nothing (retried next open).
 */
export async function replacedUpkeep(
  entries: readonly Entry[],
  store: SecretStore,
  nowMs: number,
): Promise<Upkeep> {
  const lines: string[] = [];
  let changed = false;
  const out: Entry[] = [];
  for (const e of entries) {
    try {
      let next = e.swap === undefined ? e : await settleSwap(e, store, lines);
      next = await purgeExpired(next, store, nowMs, lines);
      if (next !== e) changed = true;
      out.push(next);
    } catch (err) {
      if (!(err instanceof KeyfobError)) throw err;
      lines.push(`Could not tidy the replaced keys of '${accountName(e)}': ${err.message}`);
      out.push(e);
    }
  }
  return { entries: out, lines, changed };
}

/** Finishes or undoes one interrupted swap by comparing the account's item with the backup item. */
async function settleSwap(e: Entry, store: SecretStore, lines: string[]): Promise<Entry> {
  const swap = e.swap;
  if (swap === undefined) return e;
  const what = swap.kind === 'replace' ? 'key replacement' : 'key restore';
  const current = await store.get(e.id);
  const backup = await store.get(swap.backup);
  if (current === null) {
    await store.probe?.();
    lines.push(
      `Could not settle the interrupted ${what} of '${accountName(e)}': its key is missing from the keychain.`,
    );
    return e;
  }
  if (backup === null || backup === current) {
    if (backup === null) await store.probe?.(); // a null read proves nothing while locked
    if (backup !== null) await store.delete(swap.backup);
    lines.push(`Undid the interrupted ${what} of '${accountName(e)}'; it still uses its previous key.`);
    return undoSwap(e);
  }
  if (swap.from !== undefined) await store.delete(swap.from);
  lines.push(`Finished the interrupted ${what} of '${accountName(e)}'.`);
  return finishSwap(e, swap);
}

async function purgeExpired(e: Entry, store: SecretStore, nowMs: number, lines: string[]): Promise<Entry> {
  const old = (e.replaced ?? []).filter((r) => expired(r.at, nowMs));
  if (old.length === 0) return e;
  for (const r of old) {
    if (await store.delete(r.item)) continue;
    // keytar deletes nothing and reads null while locked: only a working keychain proves "gone".
    if ((await store.get(r.item)) !== null) {
      throw new KeyfobError(
        'keychain-locked',
        'the keychain did not delete an expired replaced key; Keyfob will try again next time.',
      );
    }
    await store.probe?.();
  }
  lines.push(
    `Deleted ${old.length === 1 ? 'a replaced key' : `${old.length} replaced keys`} of '${accountName(e)}' kept for more than 30 days.`,
  );
  return { ...e, replaced: (e.replaced ?? []).filter((r) => !old.includes(r)) };
}

function expired(at: string, nowMs: number): boolean {
  return nowMs - Date.parse(at) > RESTORE_WINDOW_MS;
}
