import type { Account } from '../../shared/account';
import { KeyfobError, isInputError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { DuplicateFinder, labelKey, type KeyMatch } from '../core';
import type { Vault } from '../vault';

// How incoming tokens stand to the stored accounts, for every way a key comes in: a scan, a typed
// key, an import (the app's and `keyfob import`) and `keyfob add`. One answer per token, from the
// core's one test (same-account.ts): new, a duplicate, or a new key for an account Keyfob has.

/**
 * For each token, how it stands to the stored accounts. Only the secrets of accounts whose issuer
 * and name match a token are read. Throws the keychain's error when it fails; an account whose
 * secret is missing from the keychain matches nothing (its key cannot be compared or replaced).
 */
export async function storedMatches(
  vault: Vault,
  tokens: readonly Token[],
): Promise<Array<KeyMatch<Account>>> {
  const labels = new Set(tokens.map(labelKey));
  const named = (await vault.list()).filter((a) => labels.has(labelKey(a)));
  if (named.length === 0) return tokens.map(() => ({ kind: 'new' }));
  const secrets = await vault.secrets(named.map((a) => a.id));
  const stored = new DuplicateFinder<Account>();
  for (const a of named) {
    const secret = secrets.get(a.id);
    if (secret instanceof Uint8Array) stored.add({ ...a, secret }, a);
    else if (secret instanceof KeyfobError && !isInputError(secret.code)) throw secret;
  }
  return tokens.map((t) => stored.match(t));
}

/** The stored account a token duplicates, if any. */
export function duplicateOf(match: KeyMatch<Account> | undefined): Account | undefined {
  return match?.kind === 'duplicate' ? match.of : undefined;
}

/** The stored accounts a token is a new key for (same names, another key), in list order; empty otherwise. */
export function newKeyFor(match: KeyMatch<Account> | undefined): Account[] {
  return match?.kind === 'new-key' ? match.of : [];
}
