import type { TokenLabel, TokenParams } from './otp-types';

/** An account as the vault lists it: everything but the secret. Safe to show and to log. */
export interface Account extends TokenParams, TokenLabel {
  /** Opaque id; also the keychain item's account name. Never derived from the secret. */
  id: string;
  /** Position in the user's list (0-based, dense). */
  order: number;
  /** ISO-8601 times. */
  createdAt: string;
  updatedAt: string;
  /** Present after "Replace key": the previous key is kept and can be restored until `restorableUntil`. */
  replacedKey?: { replacedAt: string; restorableUntil: string };
}
