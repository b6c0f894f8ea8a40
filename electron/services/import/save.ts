import type { Account } from '../../../shared/account';
import { accountName } from '../../../shared/account-name';
import { KeyfobError } from '../../../shared/errors';
import type { ImportChoice } from '../../../shared/ipc/shapes';
import type { Token } from '../../../shared/otp-types';
import type { Vault } from '../../vault';
import { errorName } from '../errors';
import { isEntryError, type PlannedEntry } from './plan';

/** What saving one planned entry did. */
export type SavedEntry =
  /** `key-replaced`: the entry's key became the account's key; its previous key is restorable for 30 days. */
  | { status: 'added' | 'updated' | 'key-replaced'; account: Account }
  | { status: 'skipped' | 'rejected' }
  /** This entry alone could not be saved (bad input, or a duplicate added meanwhile), and why. */
  | { status: 'failed'; error: unknown; message: string };

/** Keyfob's own message, or only the name of anything else (its text could hold a secret). */
const failed = (error: unknown): SavedEntry => ({
  status: 'failed',
  error,
  message: error instanceof KeyfobError ? error.message : `unexpected error (${errorName(error)})`,
});

/** Accounts saved per Vault.addMany call: one lock and a few metadata writes per chunk. */
const ADD_CHUNK = 100;

/** How far a save is: entries written (or failed on their own) of all the entries it writes. */
export interface SaveProgress {
  done: number;
  total: number;
}

/** How a caller follows and stops a save. */
export interface SaveControl {
  /** Once aborted, the save stops after the account being written; what is saved by then stays saved. */
  signal?: AbortSignal;
  /** Told at the start and after each saved slice of new accounts, each replaced key and each update. */
  progress?: (p: SaveProgress) => void;
}

/** Whether a save went through every entry or was stopped by its signal first. */
export type SaveOutcome = 'finished' | 'stopped';

/** True for the entries a save writes: neither rejected nor skipped. */
const writes = (entry: PlannedEntry, choice: ImportChoice | undefined): boolean =>
  entry.status !== 'rejected' && entry.token !== undefined && choice !== 'skip';

/**
 * Saves a plan with one choice per entry, for the app and `keyfob import` alike, resumably: each
 * entry is reported to `saved` and marked in `done` once it is saved, skipped or failed for a
 * reason of its own. When the keychain or the disk fails (locked, unavailable, full), the entries
 * after that point stay undone and the error is thrown; calling this again with the same `done`
 * saves exactly the rest. New entries and kept duplicates are added in chunks, not two writes per
 * account (1000 entries: minutes → seconds), and a chunk at a time, so the app is never locked out
 * for the whole import. A stop through `control.signal` ends it after the account being written:
 * entries not reached stay undone (resolves 'stopped'), and planning the same file again finds the
 * saved ones as duplicates.
 */
export async function saveImport(
  vault: Vault,
  plan: readonly PlannedEntry[],
  choices: readonly ImportChoice[],
  done: boolean[],
  saved: (index: number, entry: SavedEntry) => void,
  control: SaveControl = {},
): Promise<SaveOutcome> {
  const { signal } = control;
  const written = plan.map((entry, i) => writes(entry, choices[i]));
  const progress = {
    done: written.filter((w, i) => w && done[i]).length,
    total: written.filter(Boolean).length,
  };
  const tell = () => control.progress?.({ ...progress });
  const finish = (i: number, entry: SavedEntry) => {
    saved(i, entry);
    done[i] = true;
  };
  /** One replaced key or update, its own failure kept with the entry; the keychain's or the disk's thrown. */
  const one = async (i: number, write: () => Promise<SavedEntry>) => {
    try {
      finish(i, await write());
    } catch (error) {
      if (!isEntryError(error)) throw error;
      finish(i, failed(error));
    }
    progress.done++;
    tell();
  };
  tell();
  const adds: number[] = [];
  for (const [i, entry] of plan.entries()) {
    if (done[i]) continue;
    const choice = choices[i];
    if (entry.status === 'rejected' || entry.token === undefined) finish(i, { status: 'rejected' });
    else if (choice === 'skip') finish(i, { status: 'skipped' });
    else if (signal?.aborted === true) continue;
    else if (typeof choice === 'object') {
      await one(i, async () => ({
        status: 'key-replaced',
        account: await replaceKey(vault, entry, choice.replace),
      }));
    } else if (choice === 'update' && entry.status === 'duplicate' && entry.duplicateOf?.account) {
      // A duplicate holds the same secret: updating the existing account takes the incoming names and parameters (a
      // newer HOTP counter, say) in place, in one metadata write; the row keeps its id and place.
      const { id } = entry.duplicateOf.account;
      const { secret: _secret, ...fields } = entry.token;
      await one(i, async () => ({ status: 'updated', account: await vault.update(id, fields) }));
    } else adds.push(i);
  }
  for (let at = 0; at < adds.length && signal?.aborted !== true; at += ADD_CHUNK) {
    const chunk = adds.slice(at, at + ADD_CHUNK);
    const items = chunk.map((i) => {
      const entry = plan[i] as PlannedEntry;
      return { token: entry.token as Token, allowDuplicate: entry.status === 'duplicate' };
    });
    const onSlice = (settled: number) => {
      progress.done += settled;
      tell();
    };
    const results = await vault.addMany(items, { signal, onSlice });
    let machine: KeyfobError | undefined;
    for (const [j, result] of results.entries()) {
      const i = chunk[j] as number;
      if (result === null) continue; // stopped before it was written: stays undone
      if (!(result instanceof KeyfobError)) finish(i, { status: 'added', account: result });
      else if (isEntryError(result)) finish(i, failed(result));
      else machine ??= result;
    }
    if (machine !== undefined) throw machine;
  }
  return signal?.aborted === true && plan.some((_, i) => !done[i]) ? 'stopped' : 'finished';
}

/**
 * "Replace its key": the entry's key becomes the current key of `id`, which must be one of the
 * accounts the plan found it a new key for (same issuer and account name, another key).
 */
async function replaceKey(vault: Vault, entry: PlannedEntry, id: string): Promise<Account> {
  const token = entry.token as Token;
  if (entry.status !== 'new-key' || !entry.newKeyFor?.some((a) => a.id === id)) {
    throw new KeyfobError(
      'invalid-input',
      `'${accountName(token)}' is not a new key for that account; nothing was replaced.`,
    );
  }
  return vault.replaceKey(id, token);
}
