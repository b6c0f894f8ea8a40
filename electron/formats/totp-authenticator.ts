import { createHash } from 'node:crypto';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { openCbc } from './crypto';
import { damaged, entrySource, passwordNeeded, textOf, wrongPassword, type ImportFormat } from './format';
import { checkEntryCount } from './import-limits';
import { isObject, parseJsonText, parseShared } from './json-input';
import { sharedPrefs } from './shared-prefs';
import { buildToken, collect, emptyResult } from './token-build';

// TOTP Authenticator (com.authenticator.authservice2). Its export is base64 text of AES-256-CBC
// (IV = 16 zero bytes, PKCS#7) under key = SHA-256(password); a user who set no backup password
// gets the fixed password "TotpAuthenticator", so Keyfob tries that first and asks only when it
// fails. The plaintext is a JSON object with ONE member whose NAME is the JSON array of entries (its
// value is a timestamp). The app data `shared_prefs/TOTP_Authenticator_Preferences.xml` holds the
// array itself under STATIC_TOTP_CODES_LIST. An entry: `base` (16, 32 or 64: the encoding of `key`),
// `key`, `name`, `issuer`, `digits` and `period` as text ("" → 6 and 30). Keyfob honours digits and
// period as Stratum's converter does (Aegis ignores them); issuer "Unknown" means none, and then the
// name is the issuer (Stratum).
// @see formats-more.md "TOTP Authenticator"; Aegis TotpAuthenticatorImporter (commit 7e7c5317);
//      Stratum Stratum.Core/src/Converter/TotpAuthenticatorBackupConverter.cs

const LABEL = 'TOTP Authenticator backup';
const APP_LABEL = 'TOTP Authenticator app data file';
/** The password the app encrypts with when the user set none. */
export const TOTP_AUTHENTICATOR_DEFAULT_PASSWORD = 'TotpAuthenticator';
const LIST_KEY = 'STATIC_TOTP_CODES_LIST';

/** The base64-decoded export, or undefined when the file is not one base64 text. */
function sealed(bytes: Uint8Array): Buffer | undefined {
  return parseShared(bytes, 'base64-text', (b) => {
    const text = textOf(b).trim();
    if (text.length < 24 || !/^[A-Za-z0-9+/\r\n]+={0,2}$/u.test(text)) return undefined;
    const data = Buffer.from(text, 'base64');
    return data.length > 0 && data.length % 16 === 0 ? data : undefined;
  });
}

/** The entries of a decrypted export, or undefined when the password did not fit. */
function unseal(data: Buffer, password: string): unknown[] | undefined {
  const key = createHash('sha256').update(password, 'utf8').digest();
  const plain = openCbc(key, Buffer.alloc(16), data);
  const doc = plain === null ? undefined : parseJsonText(Buffer.from(plain).toString('utf8'));
  const name = isObject(doc) ? Object.keys(doc)[0] : undefined;
  const list = name === undefined ? undefined : parseJsonText(name);
  return Array.isArray(list) ? list : undefined;
}

/** The export (`.bin`, base64 text). */
export const totpAuthenticatorFormat: ImportFormat = {
  id: 'totp-authenticator',
  label: LABEL,
  detect(_fileName, bytes) {
    const data = sealed(bytes);
    if (data === undefined) return 0;
    // Opens with the default password: certain. Otherwise just a base64 blob: a guess.
    return unseal(data, TOTP_AUTHENTICATOR_DEFAULT_PASSWORD) !== undefined ? 0.95 : 0.3;
  },
  needsPassword(bytes) {
    const data = sealed(bytes);
    return data === undefined || unseal(data, TOTP_AUTHENTICATOR_DEFAULT_PASSWORD) === undefined;
  },
  async read(bytes, { password, sourceName }) {
    const data = sealed(bytes);
    if (data === undefined) throw damaged(LABEL, 'it is not base64 text of whole AES blocks');
    let entries = unseal(data, TOTP_AUTHENTICATOR_DEFAULT_PASSWORD);
    if (entries === undefined) {
      if (password === undefined) throw passwordNeeded(LABEL);
      entries = unseal(data, password);
      if (entries === undefined) throw wrongPassword(LABEL, 'the app stores no password check');
    }
    return readEntries(entries, sourceName, LABEL);
  },
};

/** The app data preferences file. */
export const totpAuthenticatorXmlFormat: ImportFormat = {
  id: 'totp-authenticator-xml',
  label: APP_LABEL,
  detect(_fileName, bytes) {
    return sharedPrefs(bytes)?.has(LIST_KEY) === true ? 0.95 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }) {
    const list = parseJsonText(sharedPrefs(bytes)?.get(LIST_KEY) ?? '');
    if (!Array.isArray(list)) throw damaged(APP_LABEL, `its ${LIST_KEY} is not a list of accounts`);
    return readEntries(list, sourceName, APP_LABEL);
  },
};

function readEntries(entries: unknown[], sourceName: string, label: string) {
  checkEntryCount(`This ${label}`, entries.length);
  const result = emptyResult();
  entries.forEach((raw: unknown, i: number) => collect(result, entrySource(sourceName, i), () => token(raw)));
  return result;
}

function token(raw: unknown): Token {
  const e = isObject(raw) ? raw : {};
  const text = (key: string) =>
    typeof e[key] === 'string' || typeof e[key] === 'number' ? String(e[key]).trim() : '';
  const number = (key: string, fallback: number) => {
    const v = text(key);
    if (v === '') return fallback;
    if (!/^\d{1,9}$/u.test(v))
      throw new KeyfobError('invalid-input', `The TOTP Authenticator entry's "${key}" is not a number.`, key);
    return Number(v);
  };
  const issuer = text('issuer');
  const named = issuer === '' || issuer === 'Unknown';
  return buildToken({
    type: 'totp',
    issuer: named ? text('name') : issuer,
    account: named ? '' : text('name'),
    secret: secretOf(text('key'), text('base')),
    digits: number('digits', 6),
    period: number('period', 30),
  });
}

function secretOf(key: string, base: string): Uint8Array | string {
  if (base === '32') return key;
  if (base === '16' && /^(?:[0-9a-f]{2})+$/iu.test(key)) return new Uint8Array(Buffer.from(key, 'hex'));
  if (base === '64' && /^[A-Za-z0-9+/]+={0,2}$/u.test(key)) return new Uint8Array(Buffer.from(key, 'base64'));
  throw new KeyfobError(
    'invalid-input',
    `The TOTP Authenticator entry's key is not base ${base.slice(0, 4) || '?'} text.`,
    'secret',
  );
}
