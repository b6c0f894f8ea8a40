import type { Token } from '../../shared/otp-types';
import { checkEntryCount } from './import-limits';
import { KeyfobError } from '../../shared/errors';
import { damaged, entrySource, type ImportFormat, type ImportResult } from './format';
import { fields, isObject, parseJsonBytes, type JsonObject } from './json-input';
import { buildToken, collect, emptyResult } from './token-build';

const LABEL = 'FreeOTP+ backup';

function backup(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  return isObject(doc) && Array.isArray(doc['tokens']) ? doc : undefined;
}

/** FreeOTP's token id, used in `tokenOrder`: "issuerInt:label", or the label alone. */
export function freeOtpId(issuer: string, label: string): string {
  return issuer === '' ? label : `${issuer}:${label}`;
}

/**
 * FreeOTP+ JSON exports `{ tokenOrder: [id…], tokens: [...] }`. Two FreeOTP quirks: the secret is a
 * Java `byte[]` serialised by Gson, i.e. an array of SIGNED bytes (−128…127); and the stored HOTP
 * counter is one less than the next counter, because FreeOTP increments before computing a code
 * (`counter++; getHOTP(counter)`), so Keyfob's counter is the stored value + 1 (Aegis's tests note
 * "FreeOTP adds -1 to the counter"). Steam has no type of its own: a TOTP token whose issuer is
 * "Steam" is a Steam token (as Aegis reads it). Entries come out in `tokenOrder` order.
 */
export const freeOtpPlusFormat: ImportFormat = {
  id: 'freeotp-plus',
  label: LABEL,
  detect(_fileName, bytes) {
    return backup(bytes) !== undefined ? 1 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }): Promise<ImportResult> {
    const doc = backup(bytes);
    if (doc === undefined) throw damaged(LABEL, 'it has no list of tokens');
    checkEntryCount(`This ${LABEL}`, (doc['tokens'] as unknown[]).length);
    // Each id's first place in tokenOrder, looked up once per token (not once per comparison);
    // tokens it does not list come after those it does.
    const listed = Array.isArray(doc['tokenOrder']) ? (doc['tokenOrder'] as unknown[]) : [];
    const order = new Map<string, number>();
    listed.forEach((id, at) => order.set(String(id), order.get(String(id)) ?? at));
    const rank = (raw: unknown): number => {
      const id = isObject(raw)
        ? freeOtpId(String(raw['issuerInt'] ?? raw['issuerExt'] ?? ''), String(raw['label'] ?? ''))
        : undefined;
      return (id === undefined ? undefined : order.get(id)) ?? listed.length;
    };
    const tokens = (doc['tokens'] as unknown[]).map((raw, i) => ({ raw, i, rank: rank(raw) }));
    tokens.sort((a, b) => a.rank - b.rank || a.i - b.i);
    const result = emptyResult();
    for (const { raw, i } of tokens) collect(result, entrySource(sourceName, i), () => token(raw));
    return result;
  },
};

function token(raw: unknown): Token {
  const t = fields(isObject(raw) ? raw : {}, 'FreeOTP+ token');
  const issuer = t.optStr('issuerExt') || t.optStr('issuerInt');
  const type = t.str('type').toLowerCase();
  const hotp = type === 'hotp';
  return buildToken({
    type: type === 'totp' && issuer === 'Steam' ? 'steam' : type,
    issuer,
    account: t.optStr('label'),
    secret: signedBytes(isObject(raw) ? raw['secret'] : undefined),
    algorithm: t.optStr('algo', 'SHA1'),
    digits: t.int('digits', 6),
    period: hotp ? 30 : t.int('period', 30),
    counter: hotp ? t.counter('counter') + 1n : 0n,
  });
}

/** Gson's `byte[]`: numbers −128…127 (Java's signed byte); 128…255 are accepted too. */
function signedBytes(v: unknown): Uint8Array {
  const ok =
    Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255);
  if (!ok)
    throw new KeyfobError('invalid-input', 'The FreeOTP+ token has no secret byte array "secret".', 'secret');
  return Uint8Array.from(v as number[], (b) => b & 0xff);
}
