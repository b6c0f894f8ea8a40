import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { base32Decode, splitLabel } from '../core';
import { damaged, entrySource, type ImportFormat } from './format';
import { checkEntryCount } from './import-limits';
import { fields, isObject, parseJsonBytes } from './json-input';
import { buildToken, collect, emptyResult } from './token-build';

const LABEL = 'Duo Mobile accounts file';

/**
 * Duo Mobile's app data `com.duosecurity.duomobile/files/duokit/accounts.json`: a JSON array of
 * `{ version, accountType: "OtpAccount", name, otpGenerator: { otpSecret, counter? }, logoUri,
 * pkey, serviceTypeLabelIsCustom }`. With `counter` an account is HOTP (SHA-1, 6 digits), without
 * it TOTP (SHA-1, 6, 30 s). `name` is the label Duo shows; it is split by the one label rule (no
 * colon: it is the account name, as Aegis reads it). Duo Push accounts hold no seed (no
 * `otpGenerator`): each is listed as an entry that cannot be imported, never dropped.
 * `otpSecret` is base32; android-otp-extractor falls back to base64 when it is not (unverified
 * which accounts need that), and so does Keyfob.
 * @see formats-more.md "Duo Mobile"; Aegis DuoImporter; puddly/android-otp-extractor apps.py
 */
export const duoFormat: ImportFormat = {
  id: 'duo',
  label: LABEL,
  detect(_fileName, bytes) {
    const doc = parseJsonBytes(bytes);
    // Every Duo account has a `pkey` and a `name`; push accounts lack `otpGenerator`.
    const duo = (e: unknown) => isObject(e) && typeof e['pkey'] === 'string' && 'name' in e;
    return Array.isArray(doc) && doc.length > 0 && doc.every(duo) ? 0.95 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }) {
    const doc = parseJsonBytes(bytes);
    if (!Array.isArray(doc)) throw damaged(LABEL, 'it is not a list of accounts');
    checkEntryCount(`This ${LABEL}`, doc.length);
    const result = emptyResult();
    doc.forEach((raw: unknown, i: number) => collect(result, entrySource(sourceName, i), () => account(raw)));
    return result;
  },
};

function account(raw: unknown): Token {
  const a = fields(isObject(raw) ? raw : {}, 'Duo account');
  const generator = isObject(raw) ? raw['otpGenerator'] : undefined;
  if (!isObject(generator)) {
    throw new KeyfobError(
      'invalid-input',
      'Cannot be imported: Duo push account. It has no code seed; Duo Push approvals stay with Duo Mobile.',
    );
  }
  const g = fields(generator, 'Duo account');
  const hotp = generator['counter'] !== undefined && generator['counter'] !== null;
  return buildToken({
    type: hotp ? 'hotp' : 'totp',
    ...splitLabel(a.optStr('name')),
    secret: duoSecret(g.str('otpSecret')),
    counter: hotp ? g.counter('counter') : 0n,
  });
}

/** Base32, else (when it is not base32 but is base64) base64, as android-otp-extractor reads it. */
function duoSecret(text: string): Uint8Array {
  try {
    return base32Decode(text, 'secret');
  } catch (e) {
    if (/^[A-Za-z0-9+/]+={0,2}$/u.test(text.trim()) && text.trim().length % 4 === 0)
      return new Uint8Array(Buffer.from(text.trim(), 'base64'));
    throw e;
  }
}
