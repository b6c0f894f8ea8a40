import {
  ALGORITHMS,
  OTP_TYPES,
  type Algorithm,
  type OtpType,
  type TokenParams,
} from '../../shared/otp-types';
import { inputError, showValue } from './input-error';

/** Largest HOTP counter: the moving factor is an 8-byte unsigned integer. @see RFC 4226 §5.2 */
export const MAX_COUNTER = 2n ** 64n - 1n;
/** Shortest code Keyfob shows. */
export const MIN_DIGITS = 4;
/** Longest code Keyfob shows: 10 digits is the whole 31-bit truncated value, zero-padded. */
export const MAX_DIGITS = 10;
/** Longest TOTP period Keyfob accepts: one day, in seconds. */
export const MAX_PERIOD = 86_400;
/** What Steam Guard always uses, whatever a URI claims. */
export const STEAM_PARAMS = { algorithm: 'SHA1', digits: 5, period: 30 } as const;

/** Accepts `totp`, `HOTP`, `Steam`…; throws a `type` error for anything else. */
export function normaliseType(value: unknown): OtpType {
  const lower = String(value).trim().toLowerCase();
  const type = OTP_TYPES.find((t) => t === lower);
  if (type === undefined) {
    throw inputError('type', `Type ${showValue(String(value))} is not supported; use totp, hotp or steam.`);
  }
  return type;
}

/** Accepts `sha256`, `SHA-256`, `HmacSHA256`…; throws an `algorithm` error for anything else (MD5 included). */
export function normaliseAlgorithm(value: unknown): Algorithm {
  const key = String(value)
    .trim()
    .toUpperCase()
    .replace(/^HMAC/u, '')
    .replace(/[-_\s]/gu, '');
  const algorithm = ALGORITHMS.find((a) => a === key);
  if (algorithm === undefined) {
    throw inputError(
      'algorithm',
      `Algorithm ${showValue(String(value))} is not supported; use SHA1, SHA256 or SHA512.`,
    );
  }
  return algorithm;
}

/** Checks a code length: a whole number from 4 to 10. */
export function checkDigits(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_DIGITS || value > MAX_DIGITS) {
    throw inputError(
      'digits',
      `Digits must be a whole number from ${MIN_DIGITS} to ${MAX_DIGITS}, not ${show(value)}.`,
    );
  }
  return value;
}

/** Checks a TOTP period: whole seconds from 1 to 86400 (one day). */
export function checkPeriod(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PERIOD) {
    throw inputError(
      'period',
      `Period must be a whole number of seconds from 1 to ${MAX_PERIOD}, not ${show(value)}.`,
    );
  }
  return value;
}

/** Checks an HOTP counter: a whole number from 0 to 2^64−1, as `bigint` (a safe-integer number is converted). */
export function checkCounter(value: unknown): bigint {
  const counter = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof counter !== 'bigint' || counter < 0n || counter > MAX_COUNTER) {
    throw inputError(
      'counter',
      `Counter must be a whole number from 0 to ${MAX_COUNTER}, not ${show(value)}.`,
    );
  }
  return counter;
}

/**
 * Validates and normalises every parameter but the secret. Steam forces SHA1, 5 characters and 30 s;
 * TOTP and Steam get counter 0n; HOTP keeps a valid period (30 by convention) so a type change is lossless.
 */
export function validateParams(p: TokenParams): TokenParams {
  const type = normaliseType(p.type);
  if (type === 'steam') return { type, ...STEAM_PARAMS, counter: 0n };
  return {
    type,
    algorithm: normaliseAlgorithm(p.algorithm),
    digits: checkDigits(p.digits),
    period: checkPeriod(p.period),
    counter: type === 'hotp' ? checkCounter(p.counter) : 0n,
  };
}

function show(value: unknown): string {
  return typeof value === 'string' ? showValue(value) : String(value);
}
