import type { Token, TokenLabel } from '../../shared/otp-types';
import { sameSecret } from './secret';

// Keyfob's one test of how a token stands to the accounts it already has. A duplicate has the same
// issuer, the same account name and the same secret (compared exactly). A new key has the same
// issuer and account name but another secret: the service re-enrolled the account (an admin reset
// its two-factor sign-in) and issued a new key. Adding, importing, scanning, typing a key and the
// CLI all ask it through the class below.

/** Issuer and account name as one key: tokens can name the same account only when their keys are equal. */
export function labelKey(t: TokenLabel): string {
  return `${t.issuer}\u0000${t.account}`;
}

/**
 * True when a label names one account of a service: it has an account name. An issuer alone (a
 * Steam key, a form filled in with the service only) says nothing about whose account it is, so a
 * second key with such a label is never taken for a new key of the first.
 */
export function namesAccount(t: TokenLabel): boolean {
  return t.account.trim() !== '';
}

/** How a token stands to the tokens added so far, with what was added with them. */
export type KeyMatch<T> =
  /** Nothing of its names (or a label that names no account and no twin). */
  | { kind: 'new' }
  /** The same issuer, account name and secret: the first such one. Its parameters may differ. */
  | { kind: 'duplicate'; of: T }
  /** The same issuer and account name, each with another secret: every such one, in the order added. */
  | { kind: 'new-key'; of: T[] };

/**
 * Remembers tokens by their names and tells how another token stands to them: a duplicate, a new
 * key for the same account, or new. Only tokens of the same names are compared, so n tokens take
 * linear time however many repeats they hold.
 */
export class DuplicateFinder<T> {
  private readonly byLabel = new Map<string, Array<{ secret: Uint8Array; value: T }>>();

  /** Remembers `token` with the answer for its matches. */
  add(token: Token, value: T): void {
    const key = labelKey(token);
    const list = this.byLabel.get(key);
    if (list === undefined) this.byLabel.set(key, [{ secret: token.secret, value }]);
    else list.push({ secret: token.secret, value });
  }

  /** What was added with a duplicate of `token`, the first one added; undefined when there is none. */
  find(token: Token): T | undefined {
    return this.byLabel.get(labelKey(token))?.find((t) => sameSecret(t.secret, token.secret))?.value;
  }

  /** How `token` stands to the tokens added: a duplicate first, else a new key, else new. */
  match(token: Token): KeyMatch<T> {
    const named = this.byLabel.get(labelKey(token)) ?? [];
    const twin = named.find((t) => sameSecret(t.secret, token.secret));
    if (twin !== undefined) return { kind: 'duplicate', of: twin.value };
    if (named.length === 0 || !namesAccount(token)) return { kind: 'new' };
    return { kind: 'new-key', of: named.map((t) => t.value) };
  }
}
