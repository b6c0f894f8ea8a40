import { KeyfobError, isInputError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import type { ImportResult } from '../import/import-result';
import type { Vault } from '../vault';
import { storedDuplicates, tokenKey } from './duplicates';

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
 * reason). Reads the list once and the keychain items of accounts with the same names only; stores
 * nothing; linear in the number of entries. Entries keep the file's order; rejected ones sit where
 * they were found.
 */
export async function planImport(vault: Vault, results: readonly ImportResult[]): Promise<PlannedEntry[]> {
  const stored = await storedDuplicates(
    vault,
    results.flatMap((r) => r.entries.map((e) => e.token)),
  );
  const firstNew = new Map<string, string>(); // token key → source of the entry that adds it
  const planned: PlannedEntry[] = [];
  let k = 0;
  for (const result of results) {
    const rows: PlannedEntry[] = [];
    for (const entry of result.entries) {
      const existing = stored[k++];
      const key = tokenKey(entry.token);
      const earlier = firstNew.get(key);
      const row = { source: entry.source, token: entry.token };
      if (earlier !== undefined) rows.push({ ...row, status: 'duplicate', duplicateOf: { source: earlier } });
      else if (existing !== undefined)
        rows.push({ ...row, status: 'duplicate', duplicateOf: { id: existing.id } });
      else {
        firstNew.set(key, entry.source);
        rows.push({ ...row, status: 'new' });
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
 * Puts rejected entries back between the good ones by the number in their source ("f#3", "f:3"),
 * keeping the good ones in the reader's order (FreeOTP+ reorders by its tokenOrder).
 */
function mergeBySource(rows: PlannedEntry[], errors: PlannedEntry[]): PlannedEntry[] {
  const num = (s: string): number => Number(/[#:](\d+)$/u.exec(s)?.[1] ?? Number.MAX_SAFE_INTEGER);
  const pending = errors.map((e) => ({ e, n: num(e.source) })).sort((a, b) => a.n - b.n);
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
    flushBelow(num(row.source));
    out.push(row);
  }
  flushBelow(Infinity);
  return out;
}

/** True for errors that concern one entry (bad input), as opposed to the keychain or disk failing. */
export function isEntryError(e: unknown): boolean {
  return !(e instanceof KeyfobError) || isInputError(e.code);
}
