import type { Account } from '../../shared/account';
import { KeyfobError, isInputError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { sameSecret } from '../core';
import type { Vault } from '../vault';

// Duplicate checks for an import, linear in its size: stored accounts are indexed by name once,
// and only the secrets of accounts whose issuer and name match an entry are read.

const nameKey = (t: { issuer: string; account: string }) => `${t.issuer}\u0000${t.account}`;

/** A key equal for tokens with the same issuer, account name and secret (held in main only). */
export function tokenKey(t: Token): string {
  return `${nameKey(t)}\u0000${Buffer.from(t.secret).toString('base64')}`;
}

/**
 * For each token, the stored account with the same issuer, account name and secret, if any. Reads
 * one list and the secrets of name matches only. Throws the keychain's error when it fails
 * (a secret missing from the keychain is simply not a duplicate).
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
