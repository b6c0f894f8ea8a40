import type { Account } from '../../shared/account';
import type { Token, TokenLabel, TokenParams } from '../../shared/otp-types';
import { base32Encode } from '../core';

/** The JSON shape of an account in `keyfob … --json` output (counter as a decimal string). */
export interface AccountJson {
  id?: string;
  type: string;
  issuer: string;
  account: string;
  algorithm: string;
  digits: number;
  period: number;
  counter: string;
  secret?: string;
}

/** The documented fields of a token or account, in a stable order; never the secret. */
export function fieldsJson(t: TokenParams & TokenLabel): AccountJson {
  return {
    type: t.type,
    issuer: t.issuer,
    account: t.account,
    algorithm: t.algorithm,
    digits: t.digits,
    period: t.period,
    counter: t.counter.toString(),
  };
}

/** A stored account: its id first, then its fields; no secret. */
export function accountJson(a: Account): AccountJson {
  return { id: a.id, ...fieldsJson(a) };
}

/** A parsed token with its secret, for `inspect` and `import --dry-run` only. */
export function tokenJson(t: Token): AccountJson {
  return { ...fieldsJson(t), secret: base32Encode(t.secret) };
}
