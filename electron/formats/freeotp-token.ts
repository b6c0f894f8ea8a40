import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { fields, isObject, type JsonObject } from './json-input';
import { buildToken } from './token-build';

// FreeOTP's token JSON, shared by FreeOTP 1.x and FreeOTP+ (app data `tokens.xml`, FreeOTP+'s JSON
// export) and FreeOTP 2's backup: `{ type: TOTP|HOTP, algo (absent → SHA1), digits (→ 6), period
// (→ 30), counter, issuerExt, issuerInt, label, secret: signed bytes }` — FreeOTP's Token.java.

/** FreeOTP's token id, used in `tokenOrder`: "issuerInt:label", or the label alone. */
export function freeOtpId(issuer: string, label: string): string {
  return issuer === '' ? label : `${issuer}:${label}`;
}

/** The id a raw token is listed under in `tokenOrder`, or undefined when it has no fields. */
export function rawTokenId(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : '');
  return freeOtpId(text('issuerInt') || text('issuerExt'), text('label'));
}

/**
 * A FreeOTP token. `counterOffset` is 1 for FreeOTP 1.x and FreeOTP+, which store one less than
 * the next counter (FreeOTP increments before computing: `counter++; getHOTP(counter)`, so its own
 * Token.toUri writes `counter + 1`; Aegis's tests note "FreeOTP adds -1 to the counter"); 0 for
 * FreeOTP 2 backups, which store the URI's counter. `secret` overrides the token's own field
 * (FreeOTP 2 keeps secrets apart, encrypted). Steam has no type of its own: a TOTP token whose
 * issuer is "Steam" is a Steam token, as Aegis reads it.
 */
export function freeOtpToken(raw: unknown, counterOffset: 0n | 1n, secret?: Uint8Array): Token {
  const obj: JsonObject = isObject(raw) ? raw : {};
  const t = fields(obj, 'FreeOTP token');
  const issuer = t.optStr('issuerExt') || t.optStr('issuerInt');
  const type = t.str('type').toLowerCase();
  const hotp = type === 'hotp';
  return buildToken({
    type: type === 'totp' && issuer === 'Steam' ? 'steam' : type,
    issuer,
    account: t.optStr('label'),
    secret: secret ?? signedBytes(obj['secret']),
    algorithm: t.optStr('algo', 'SHA1'),
    digits: t.int('digits', 6),
    period: hotp ? 30 : t.int('period', 30),
    counter: hotp ? t.counter('counter', 0n) + counterOffset : 0n,
  });
}

/** Java's `byte[]` as Gson writes it: numbers −128…127 (128…255 are accepted too). */
export function signedBytes(v: unknown): Uint8Array {
  const ok =
    Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255);
  if (!ok)
    throw new KeyfobError('invalid-input', 'The FreeOTP token has no secret byte array "secret".', 'secret');
  return Uint8Array.from(v as number[], (b) => b & 0xff);
}

/**
 * Indices of `tokens` in `tokenOrder` order: each id's first place in the list, looked up once per
 * token; tokens it does not list come after those it does, in file order.
 */
export function orderByTokenOrder(tokens: readonly unknown[], tokenOrder: unknown): number[] {
  const listed = Array.isArray(tokenOrder) ? (tokenOrder as unknown[]) : [];
  const place = new Map<string, number>();
  listed.forEach((id, at) => place.set(String(id), place.get(String(id)) ?? at));
  const rank = tokens.map((raw) => {
    const id = rawTokenId(raw);
    return (id === undefined ? undefined : place.get(id)) ?? listed.length;
  });
  return tokens.map((_, i) => i).sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0) || a - b);
}
