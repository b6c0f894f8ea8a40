import type { Account } from '../../shared/account';
import type { AccountView, CodeSnapshot } from '../../shared/ipc/shapes';
import type { Token } from '../../shared/otp-types';
import { generateCode } from '../core';

/** The code of `token` at `atMs`, plus the next period's code for TOTP/Steam (shown in the last seconds). */
export function codeSnapshot(
  id: string,
  token: Omit<Token, 'issuer' | 'account'>,
  atMs: number,
): CodeSnapshot {
  const now = generateCode(token, atMs);
  const nextCode = now.validUntilMs === null ? null : generateCode(token, now.validUntilMs).code;
  return { id, code: now.code, validFromMs: now.validFromMs, validUntilMs: now.validUntilMs, nextCode };
}

/** An account as the renderer receives it: the bigint counter as a decimal string. */
export function toAccountView(account: Account): AccountView {
  return { ...account, counter: account.counter.toString() };
}

/** Joins an account's parameters with its secret for code generation. */
export function withSecret(account: Account, secret: Uint8Array): Token {
  return { ...account, secret };
}
