import type { Account } from '../../../shared/account';
import { KeyfobError, isInputError } from '../../../shared/errors';
import type { Token } from '../../../shared/otp-types';
import { sameSecret } from '../../core';
import { sourcePosition, type ImportResult } from '../../formats';
import type { Vault } from '../../vault';

// Planning an import against the vault, for the app and `keyfob import` alike. Linear in the
// import's size: stored accounts are indexed by name once, and only the secrets of accounts whose
// issuer and name match an entry are read.

/** What importing one entry would do, shown per entry before anything is saved. */
export interface PlannedEntry {
  source: string;
  /** Absent for rejected entries. */
  token?: Token;
  status: 'new' | 'duplicate' | 'rejected';
  /** For duplicates: the stored account (or earlier entry of this import) it repeats. */
  duplicateOf?: { account?: Account; source?: string };
  message?: string;
}

const nameKey = (t: { issuer: string; account: string }) => `${t.issuer}\u0000${t.account}`;

/** Equal for tokens with the same issuer, account name and secret: the one duplicate test of an import. */
const tokenKey = (t: Token) => `${nameKey(t)}\u0000${Buffer.from(t.secret).toString('base64')}`;

/**
 * For each token, the stored account with the same issuer, account name and secret, if any. Throws
 * the keychain's error when it fails (a secret missing from the keychain is simply not a duplicate).
 */
export async function storedDuplicates(
  vault: Vault,
  tokens: readonly Token[],
): Promise<Array<Account | undefined>> {
  const byName = new Map<string, Account[]>();
  for (const a of await vault.list()) {
    const list = byName.get(nameKey(a));
    if (list === undefined) byName.set(nameKey(a), [a]);
    else list.push(a);
  }
  const wanted = new Set<string>();
  for (const t of tokens) for (const a of byName.get(nameKey(t)) ?? []) wanted.add(a.id);
  if (wanted.size === 0) return tokens.map(() => undefined);
  const secrets = await vault.secrets([...wanted]);
  for (const s of secrets.values()) {
    if (s instanceof KeyfobError && !isInputError(s.code)) throw s;
  }
  return tokens.map((t) =>
    (byName.get(nameKey(t)) ?? []).find((a) => {
      const secret = secrets.get(a.id);
      return secret instanceof Uint8Array && sameSecret(secret, t.secret);
    }),
  );
}

/** Every entry's token, in the order {@link planEntries} expects their stored duplicates. */
export function importedTokens(results: readonly ImportResult[]): Token[] {
  return results.flatMap((r) => r.entries.map((e) => e.token));
}

/** Plans an import against the vault (see {@link planEntries}); stores nothing. */
export async function planImport(vault: Vault, results: readonly ImportResult[]): Promise<PlannedEntry[]> {
  return planEntries(results, await storedDuplicates(vault, importedTokens(results)));
}

/**
 * Marks every entry new, duplicate (of a stored account, given in {@link importedTokens} order, or
 * of an earlier entry of the import) or rejected (with the reader's reason). Entries keep the file's
 * order; rejected ones sit where they were found.
 */
export function planEntries(
  results: readonly ImportResult[],
  stored: ReadonlyArray<Account | undefined>,
): PlannedEntry[] {
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
        rows.push({ ...row, status: 'duplicate', duplicateOf: { account: existing } });
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
 * Puts rejected entries back between the good ones by their position in the file, keeping the good
 * ones in the reader's order (FreeOTP+ reorders by its tokenOrder).
 */
function mergeBySource(rows: PlannedEntry[], errors: PlannedEntry[]): PlannedEntry[] {
  const at = (s: string): number => {
    const p = sourcePosition(s);
    return p.at === 0 || p.entry !== 0 ? Number.MAX_SAFE_INTEGER : p.at;
  };
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
