import type { Account } from '../../../shared/account';
import { KeyfobError, isInputError } from '../../../shared/errors';
import type { Token } from '../../../shared/otp-types';
import { DuplicateFinder, type KeyMatch } from '../../core';
import type { EntrySource, ImportResult } from '../../formats';
import type { Vault } from '../../vault';
import { storedMatches } from '../stored-match';

// Planning an import against the vault, for the app and `keyfob import` alike. Linear in the
// import's size: only the secrets of stored accounts whose issuer and name match an entry are read.

/** What importing one entry would do, shown per entry before anything is saved. */
export interface PlannedEntry {
  source: EntrySource;
  /** Absent for rejected entries. */
  token?: Token;
  /** `new-key`: the same issuer and account name as stored accounts, with another key (a re-enrolment). */
  status: 'new' | 'duplicate' | 'new-key' | 'rejected';
  /** For duplicates: the stored account (or earlier entry of this import) it repeats. */
  duplicateOf?: { account?: Account; source?: EntrySource };
  /** For new keys: the stored accounts of those names, each with another key, in list order (one or more). */
  newKeyFor?: Account[];
  message?: string;
}

/** Every entry's token, in the order {@link planEntries} expects their stored matches. */
export function importedTokens(results: readonly ImportResult[]): Token[] {
  return results.flatMap((r) => r.entries.map((e) => e.token));
}

/** Plans an import against the vault (see {@link planEntries}); stores nothing. */
export async function planImport(vault: Vault, results: readonly ImportResult[]): Promise<PlannedEntry[]> {
  return planEntries(results, await storedMatches(vault, importedTokens(results)));
}

/**
 * Marks every entry new, duplicate (of a stored account, or of an earlier entry of the import), a
 * new key for stored accounts of its names (matches given in {@link importedTokens} order), or
 * rejected (with the reader's reason). Entries keep the file's order; rejected ones sit where they
 * were found. A new key repeated later in the import is a duplicate of its first entry.
 */
export function planEntries(
  results: readonly ImportResult[],
  stored: ReadonlyArray<KeyMatch<Account>>,
): PlannedEntry[] {
  const added = new DuplicateFinder<EntrySource>(); // the entries to store so far, by their source
  const planned: PlannedEntry[] = [];
  let k = 0;
  for (const result of results) {
    const rows: PlannedEntry[] = [];
    for (const { source, token } of result.entries) {
      const match = stored[k++] ?? { kind: 'new' };
      const earlier = added.find(token);
      if (earlier !== undefined)
        rows.push({ source, token, status: 'duplicate', duplicateOf: { source: earlier } });
      else if (match.kind === 'duplicate')
        rows.push({ source, token, status: 'duplicate', duplicateOf: { account: match.of } });
      else {
        added.add(token, source);
        rows.push(
          match.kind === 'new-key'
            ? { source, token, status: 'new-key', newKeyFor: match.of }
            : { source, token, status: 'new' },
        );
      }
    }
    const errors = result.errors.map((e) => ({
      source: e.source,
      status: 'rejected' as const,
      message: e.message,
    }));
    for (const p of mergeBySource(rows, errors)) planned.push(p);
  }
  return planned;
}

/**
 * Puts rejected entries back between the good ones by their position in the file, keeping the good
 * ones in the reader's order (FreeOTP+ reorders by its tokenOrder).
 */
function mergeBySource(rows: PlannedEntry[], errors: PlannedEntry[]): PlannedEntry[] {
  // Errors of the file as a whole, or of an account inside a transfer code, go last.
  const at = (s: EntrySource): number =>
    s.at === undefined || s.part !== undefined ? Number.MAX_SAFE_INTEGER : s.at;
  const pending = errors.map((e) => ({ e, n: at(e.source) })).sort((a, b) => a.n - b.n);
  const out: PlannedEntry[] = [];
  let next = 0;
  const flushBelow = (limit: number) => {
    for (; next < pending.length; next++) {
      const p = pending[next] as (typeof pending)[number];
      if (p.n >= limit) return;
      out.push(p.e);
    }
  };
  for (const row of rows) {
    flushBelow(at(row.source));
    out.push(row);
  }
  flushBelow(Infinity);
  return out;
}

/** True for errors that concern one entry (bad input), as opposed to the keychain or disk failing. */
export function isEntryError(e: unknown): boolean {
  return !(e instanceof KeyfobError) || isInputError(e.code);
}
