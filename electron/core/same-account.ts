import type { Token, TokenLabel } from '../../shared/otp-types';
import { sameSecret } from './secret';

// Keyfob's one test of a duplicate: the same issuer, the same account name and the same secret
// (compared exactly). Adding, importing and scanning all ask it through these two.

/** Issuer and account name as one key: tokens can be duplicates only when their keys are equal. */
export function labelKey(t: TokenLabel): string {
  return `${t.issuer}\u0000${t.account}`;
}

/**
 * Finds, among the tokens added so far, one with the same issuer, account name and secret as a
 * given token, and answers what was added with it. Only tokens of the same names are compared, so
 * n tokens take linear time however many repeats they hold.
 */
export class DuplicateFinder<T> {
  private readonly byLabel = new Map<string, Array<{ secret: Uint8Array; value: T }>>();

  /** Remembers `token` with the answer for its duplicates. */
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
}
