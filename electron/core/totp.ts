import type { TokenParams } from '../../shared/otp-types';
import { hotp } from './hotp';
import { inputError } from './input-error';
import { MAX_COUNTER, checkPeriod } from './params';

/**
 * The TOTP time step containing `atMs`: floor((t − T0) / period) with T0 = 0, as a `bigint` so
 * times past 2^32 s (and counters past 2^53) stay exact. @see RFC 6238 §4.2
 */
export function timeStep(atMs: number, period: number): bigint {
  if (!Number.isFinite(atMs) || atMs < 0) {
    throw inputError('time', `Time must be a finite number of milliseconds since 1970, not ${atMs}.`);
  }
  const step = BigInt(Math.floor(atMs)) / (BigInt(checkPeriod(period)) * 1000n);
  if (step > MAX_COUNTER)
    throw inputError('time', 'Time is too far in the future for a 64-bit TOTP counter.');
  return step;
}

/** The start and end (exclusive) of time step `step`, in milliseconds. */
export function stepWindow(step: bigint, period: number): { validFromMs: number; validUntilMs: number } {
  const ms = BigInt(period) * 1000n;
  return { validFromMs: Number(step * ms), validUntilMs: Number((step + 1n) * ms) };
}

/** A TOTP code at `atMs` (milliseconds; the caller reads the clock). @see RFC 6238 §4 */
export function totp(
  secret: Uint8Array,
  params: Pick<TokenParams, 'algorithm' | 'digits' | 'period'>,
  atMs: number,
): string {
  return hotp(secret, timeStep(atMs, params.period), params.algorithm, params.digits);
}
