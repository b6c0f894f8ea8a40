import { KeyfobError, isInputError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { sameSecret } from '../core';
import type { ImportResult } from '../import/import-result';
import type { Vault } from '../vault';

/** What importing one entry would do, shown per entry before anything is saved. */
export interface PlannedEntry {
  source: string;
  /** Absent for rejected entries. */
  token?: Token;
  status: 'new' | 'duplicate' | 'rejected';
  /** For duplicates: the stored account (or earlier entry of this import) it repeats. */
  duplicateOf?: { id?: string; source?: string };
  message?: string;
}

/**
 * Classifies every entry of an import against the vault: new, duplicate (same issuer, account and
 * secret as a stored account or an earlier entry of the same import) or rejected (with the reader's
 * reason). Reads a few keychain items (only accounts with the same names); stores nothing. Entries
 * keep the file's order; rejected ones sit where they were found.
 */
export async function planImport(vault: Vault, results: readonly ImportResult[]): Promise<PlannedEntry[]> {
  const planned: PlannedEntry[] = [];
  for (const result of results) {
    const rows: Array<PlannedEntry & { at: number }> = [];
    for (const [i, entry] of result.entries.entries()) {
      const earlier = planned
        .concat(rows)
        .find((p) => p.status === 'new' && p.token && same(p.token, entry.token));
      if (earlier) {
        rows.push({
          at: i,
          source: entry.source,
          token: entry.token,
          status: 'duplicate',
          duplicateOf: { source: earlier.source },
        });
        continue;
      }
      const existing = await vault.findDuplicate(entry.token);
      rows.push(
        existing === undefined
          ? { at: i, source: entry.source, token: entry.token, status: 'new' }
          : {
              at: i,
              source: entry.source,
              token: entry.token,
              status: 'duplicate',
              duplicateOf: { id: existing.id },
            },
      );
    }
    const errors = result.errors.map((e) => ({
      source: e.source,
      status: 'rejected' as const,
      message: e.message,
    }));
    planned.push(...mergeBySource(rows, errors));
  }
  return planned;
}

/**
 * Puts rejected entries back between the good ones by the number in their source ("f#3", "f:3"),
 * keeping the good ones in the reader's order (FreeOTP+ reorders by its tokenOrder).
 */
function mergeBySource(rows: Array<PlannedEntry & { at: number }>, errors: PlannedEntry[]): PlannedEntry[] {
  const num = (s: string): number => Number(/[#:](\d+)$/u.exec(s)?.[1] ?? Number.MAX_SAFE_INTEGER);
  const pending = [...errors].sort((a, b) => num(a.source) - num(b.source));
  const out: PlannedEntry[] = [];
  for (const { at: _at, ...row } of rows) {
    while (pending.length > 0 && num(pending[0]?.source ?? '') < num(row.source))
      out.push(pending.shift() as PlannedEntry);
    out.push(row);
  }
  return [...out, ...pending];
}

function same(a: Token, b: Token): boolean {
  return a.issuer === b.issuer && a.account === b.account && sameSecret(a.secret, b.secret);
}

/** True for errors that concern one entry (bad input), as opposed to the keychain or disk failing. */
export function isEntryError(e: unknown): boolean {
  return !(e instanceof KeyfobError) || isInputError(e.code);
}
