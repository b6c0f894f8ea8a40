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

/**
 * Saves a plan with one choice per entry, for the app and `keyfob import` alike, resumably: each
 * entry is reported to `saved` and marked in `done` once it is saved, skipped or failed for a
 * reason of its own. When the keychain or the disk fails (locked, unavailable, full), the entries
 * after that point stay undone and the error is thrown; calling this again with the same `done`
 * saves exactly the rest. New entries and kept duplicates are added in chunks, not two writes per
 * account (1000 entries: minutes → seconds), and a chunk at a time, so the app is never locked out
 * for the whole import.
 */
export async function saveImport(
  vault: Vault,
  plan: readonly PlannedEntry[],
  choices: readonly ImportChoice[],
  done: boolean[],
  saved: (index: number, entry: SavedEntry) => void,
): Promise<void> {
  const finish = (i: number, entry: SavedEntry) => {
    saved(i, entry);
    done[i] = true;
  };
  const adds: number[] = [];
  for (const [i, entry] of plan.entries()) {
    if (done[i]) continue;
    const choice = choices[i];
    if (entry.status === 'rejected' || entry.token === undefined) finish(i, { status: 'rejected' });
    else if (choice === 'skip') finish(i, { status: 'skipped' });
    else if (typeof choice === 'object') {
      try {
        finish(i, { status: 'key-replaced', account: await replaceKey(vault, entry, choice.replace) });
      } catch (error) {
        if (!isEntryError(error)) throw error;
        finish(i, failed(error));
      }
    } else if (choice === 'update' && entry.status === 'duplicate' && entry.duplicateOf?.account) {
      // A duplicate holds the same secret: updating the existing account takes the incoming names and parameters (a
      // newer HOTP counter, say) in place, in one metadata write; the row keeps its id and place.
      const { secret: _secret, ...fields } = entry.token;
      try {
        finish(i, { status: 'updated', account: await vault.update(entry.duplicateOf.account.id, fields) });
      } catch (error) {
        if (!isEntryError(error)) throw error;
        finish(i, failed(error));
      }
    } else adds.push(i);
  }
  for (let at = 0; at < adds.length; at += ADD_CHUNK) {
    const chunk = adds.slice(at, at + ADD_CHUNK);
    const results = await vault.addMany(
      chunk.map((i) => {
        const entry = plan[i] as PlannedEntry;
        return { token: entry.token as Token, allowDuplicate: entry.status === 'duplicate' };
      }),
    );
    let machine: KeyfobError | undefined;
    for (const [j, result] of results.entries()) {
      const i = chunk[j] as number;
      if (!(result instanceof KeyfobError)) finish(i, { status: 'added', account: result });
      else if (isEntryError(result)) finish(i, failed(result));
      else machine ??= result;
    }
    if (machine !== undefined) throw machine;
  }
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
