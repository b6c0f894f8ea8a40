import type { Account } from '../../shared/account';
import type { AccountView, CodeSnapshot } from '../../shared/ipc/shapes';
import type { Token } from '../../shared/otp-types';
import { generateCode } from '../core';

/**
 * The instant codes are computed at (`atMs`) and how far it is ahead of this computer's clock
 * (`aheadMs`: the measured offset when the user chose corrected time, else 0).
 */
export interface CodeTime {
  atMs: number;
  aheadMs: number;
}

/** Codes at this computer's clock, uncorrected. */
export const systemCodeTime =
  (now: () => number): (() => CodeTime) =>
  () => ({ atMs: now(), aheadMs: 0 });

/**
 * The code of `token` at `at`, plus the next period's code for TOTP/Steam (shown in the last
 * seconds). The window is given on this computer's clock (moved back by `aheadMs`), so the
 * window's countdown and refresh run on the clock it has, whatever time the code is for.
 */
export function codeSnapshot(
  id: string,
  token: Omit<Token, 'issuer' | 'account'>,
  at: number | CodeTime,
): CodeSnapshot {
  const { atMs, aheadMs } = typeof at === 'number' ? { atMs: at, aheadMs: 0 } : at;
  const now = generateCode(token, atMs);
  const nextCode = now.validUntilMs === null ? null : generateCode(token, now.validUntilMs).code;
  const local = (ms: number | null) => (ms === null ? null : ms - aheadMs);
  return {
    id,
    code: now.code,
    validFromMs: local(now.validFromMs),
    validUntilMs: local(now.validUntilMs),
    nextCode,
  };
}

/** An account as the renderer receives it: the bigint counter as a decimal string. */
export function toAccountView(account: Account): AccountView {
  return { ...account, counter: account.counter.toString() };
}

/** Joins an account's parameters with its secret for code generation. */
export function withSecret(account: Account, secret: Uint8Array): Token {
  return { ...account, secret };
}
