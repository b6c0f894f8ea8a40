import type { Token } from '../../shared/otp-types';
import { base32Decode } from './base32';
import { inputError } from './input-error';
import { resolveLabel } from './key-uri-label';
import {
  STEAM_PARAMS,
  checkCounter,
  checkDigits,
  checkPeriod,
  normaliseAlgorithm,
  normaliseType,
} from './params';
import { percentDecode } from './percent';
import { assertSecretFits } from './secret';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//iu;

/** Longest key URI read: far more than a QR code holds (2,953 bytes), so no real key is refused. */
export const MAX_KEY_URI_LENGTH = 16_384;

/**
 * Parses a key URI as real apps write them: `otpauth://TYPE/LABEL?…` (Google's Key-Uri-Format) with
 * the deviations real apps write (key-uri-cases.test.ts lists them), plus `steam://<base32>`. Throws `KeyfobError('invalid-input')`
 * naming the field at fault; no message ever quotes the secret.
 */
export function parseKeyUri(text: string): Token {
  if (typeof text !== 'string') throw inputError('uri', 'A key URI must be text.');
  const uri = text.trim(); // scanners hand over trailing newlines
  if (uri.length > MAX_KEY_URI_LENGTH) {
    const n = (x: number) => x.toLocaleString('en-US');
    throw inputError(
      'uri',
      `This text is ${n(uri.length)} characters long; a key URI is at most ${n(MAX_KEY_URI_LENGTH)}.`,
    );
  }
  const scheme = SCHEME.exec(uri);
  const schemeName = scheme?.[1]?.toLowerCase();
  if (scheme === null || (schemeName !== 'otpauth' && schemeName !== 'steam')) {
    const named = schemeName === undefined ? '' : ` (this one starts with ${schemeName}://)`;
    throw inputError('uri', `A key URI must start with otpauth:// or steam://${named}.`);
  }
  const afterScheme = uri.slice(scheme[0].length);
  return schemeName === 'steam' ? parseSteamUri(afterScheme) : parseOtpauth(afterScheme);
}

function parseOtpauth(afterScheme: string): Token {
  const q = afterScheme.indexOf('?');
  const path = q < 0 ? afterScheme : afterScheme.slice(0, q);
  const query = readQuery(q < 0 ? '' : afterScheme.slice(q + 1));
  const slash = path.indexOf('/');
  let type = normaliseType(percentDecode(slash < 0 ? path : path.slice(0, slash), 'type', false));
  // KeePassXC and others write Steam as TOTP plus `encoder=steam`.
  if (type === 'totp' && query.get('encoder')?.toLowerCase() === 'steam') type = 'steam';
  const issuerParam = query.get('issuer') ?? null;
  const label = resolveLabel(slash < 0 ? '' : path.slice(slash + 1), issuerParam);
  const secret = decodeSecret(query.get('secret'));
  if (type === 'steam') return { type, ...STEAM_PARAMS, counter: 0n, ...label, secret };
  const algorithm = query.get('algorithm');
  const digits = query.get('digits');
  const period = query.get('period'); // tolerated on HOTP (Ente writes it) and validated all the same
  const counter = query.get('counter');
  if (type === 'hotp' && counter === undefined) {
    throw inputError('counter', 'An HOTP key URI needs a counter= parameter (the next counter value).');
  }
  return {
    type,
    algorithm: algorithm === undefined ? 'SHA1' : normaliseAlgorithm(algorithm),
    digits: digits === undefined ? 6 : checkDigits(wholeNumber(digits)),
    period: period === undefined ? 30 : checkPeriod(wholeNumber(period)),
    counter: type === 'hotp' && counter !== undefined ? checkCounter(wholeBigint(counter)) : 0n,
    ...label,
    secret,
  };
}

/** `steam://<base32>` as Bitwarden stores Steam secrets: no label, so the issuer is Steam. */
function parseSteamUri(afterScheme: string): Token {
  const raw = afterScheme.split('?')[0]?.replace(/\/+$/u, '') ?? '';
  const secret = decodeSecret(percentDecode(raw, 'secret', false));
  return { type: 'steam', ...STEAM_PARAMS, counter: 0n, issuer: 'Steam', account: '', secret };
}

function decodeSecret(value: string | undefined): Uint8Array {
  if (value === undefined) throw inputError('secret', 'Key URI has no secret= parameter.');
  const secret = base32Decode(value, 'secret');
  assertSecretFits(secret);
  return secret;
}

/**
 * Decoded query parameters by lower-case name; `+` is a space here. The first of repeated names wins;
 * empty values count as absent. Names that do not decode belong to unknown parameters and are skipped,
 * and values are decoded only for the parameters Keyfob reads, so junk in `image=` cannot fail a URI.
 */
function readQuery(query: string): Map<string, string> {
  const known = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    let name: string;
    try {
      name = percentDecode(rawName, 'uri', true).trim().toLowerCase();
    } catch {
      continue;
    }
    if (!known.has(name) || params.has(name)) continue;
    const value = percentDecode(eq < 0 ? '' : pair.slice(eq + 1), name === 'encoder' ? 'type' : name, true);
    if (value.trim() !== '' || name === 'secret') params.set(name, name === 'secret' ? value : value.trim());
  }
  return params;
}

/** Digit strings become numbers for the range checks; anything else stays text so the error can quote it. */
function wholeNumber(text: string): number | string {
  return /^\d{1,15}$/u.test(text) ? Number(text) : text;
}

function wholeBigint(text: string): bigint | string {
  return /^\d+$/u.test(text) ? BigInt(text) : text;
}
