import type { Token } from '../../shared/otp-types';
import { hotp } from './hotp';
import { STEAM_PARAMS, normaliseType } from './params';
import { steam } from './steam';
import { stepWindow, timeStep, totp } from './totp';

/** A code and the time window it belongs to; the window is null for HOTP, which has none. */
export interface CodeResult {
  code: string;
  validFromMs: number | null;
  validUntilMs: number | null;
}

/** The code a token shows at `atMs`. HOTP uses `token.counter` as is; advancing it is the caller's job. */
export function generateCode(
  token: Pick<Token, 'secret' | 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>,
  atMs: number,
): CodeResult {
  const type = normaliseType(token.type);
  if (type === 'hotp') {
    const code = hotp(token.secret, token.counter, token.algorithm, token.digits);
    return { code, validFromMs: null, validUntilMs: null };
  }
  const period = type === 'steam' ? STEAM_PARAMS.period : token.period;
  const code = type === 'steam' ? steam(token.secret, atMs) : totp(token.secret, token, atMs);
  return { code, ...stepWindow(timeStep(atMs, period), period) };
}
