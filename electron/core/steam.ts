import { truncatedValue } from './hotp';
import { STEAM_PARAMS } from './params';
import { timeStep } from './totp';

/** Steam Guard's 26 code characters: digits and consonants that cannot be misread. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/**
 * Five Steam Guard characters from a 31-bit truncated value (not reduced mod 10^d): the least
 * significant base-26 digit comes first, in Steam's alphabet of 26 letters and digits.
 */
export function steamChars(value: number): string {
  let v = value;
  let out = '';
  for (let i = 0; i < STEAM_PARAMS.digits; i++) {
    out += STEAM_ALPHABET[v % STEAM_ALPHABET.length];
    v = Math.floor(v / STEAM_ALPHABET.length);
  }
  return out;
}

/** A Steam Guard code at `atMs`: TOTP with HMAC-SHA1 and a 30 s period, shown in Steam's alphabet. */
export function steam(secret: Uint8Array, atMs: number): string {
  return steamChars(truncatedValue(secret, timeStep(atMs, STEAM_PARAMS.period), STEAM_PARAMS.algorithm));
}
