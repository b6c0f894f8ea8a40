import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { base32Decode } from '../core';
import { openCbc, pbkdf2Keys } from './crypto';
import { damaged, entrySource, passwordNeeded, wrongPassword, type ImportFormat } from './format';
import { checkEntryCount } from './import-limits';
import { fields, isObject, parseJsonText, type JsonObject } from './json-input';
import { sharedPrefs } from './shared-prefs';
import { buildToken, collect, emptyResult, splitDashedLabel } from './token-build';

// Authy's app data (package com.authy.authy, shared_prefs): `com.authy.storage.tokens.authenticator.xml`
// holds third-party TOTP accounts, `com.authy.storage.tokens.authy.xml` Authy's own ("apps"); each
// keeps a JSON array in the string named `<file stem>.key`.
//
// Third-party entries: `decryptedSecret` (base32, once the user unlocked backups in the app) or
// `encryptedSecret` (base64) + `salt` (text). Per entry: key = PBKDF2-HMAC-SHA1(password, UTF-8
// bytes of the salt text, 1000, 256 bits); AES-256-CBC, IV = 16 zero bytes, PKCS#7; the plaintext is
// the base32 secret. They are TOTP, SHA-1, the entry's `digits`, 30 s: standard key URIs scanned
// into Authy. Authy-native entries carry `secretSeed` (hex) and 7 digits; their codes change every
// 10 s (Authy's own tokens; Aegis read period 10 from digits = 7 until January 2021 and keys it on
// `secretSeed` since, which is what Keyfob does: a third-party token with 7 digits keeps its 30 s).
// @see formats-more.md "Authy"; Aegis AuthyImporter (commits 34888767, 951241e9);
//      alexzorin/authy#8; puddly/android-otp-extractor#34

const LABEL = 'Authy app data file';
const KEYS = ['com.authy.storage.tokens.authenticator.key', 'com.authy.storage.tokens.authy.key'];
/** Authy's per-entry key derivation and its native tokens' period. */
export const AUTHY = { iterations: 1000, nativePeriod: 10 } as const;

function entriesOf(bytes: Uint8Array): unknown[] | undefined {
  const prefs = sharedPrefs(bytes);
  const text = KEYS.map((k) => prefs?.get(k)).find((v) => v !== undefined);
  if (text === undefined) return undefined;
  const doc = parseJsonText(text);
  return Array.isArray(doc) ? doc : [];
}

const encrypted = (e: unknown) =>
  isObject(e) && typeof e['decryptedSecret'] !== 'string' && typeof e['secretSeed'] !== 'string';

/** Authy's token XML, plain or with encrypted secrets. */
export const authyFormat: ImportFormat = {
  id: 'authy',
  label: LABEL,
  detect(_fileName, bytes) {
    return entriesOf(bytes) !== undefined ? 0.95 : 0;
  },
  needsPassword(bytes) {
    return entriesOf(bytes)?.some(encrypted) === true;
  },
  async read(bytes, { password, sourceName }) {
    const entries = entriesOf(bytes);
    if (entries === undefined) throw damaged(LABEL, 'it holds no Authy token list');
    checkEntryCount(`This ${LABEL}`, entries.length);
    const secrets = await decryptAll(entries, password);
    const result = emptyResult();
    entries.forEach((raw: unknown, i: number) =>
      collect(result, entrySource(sourceName, i), () => token(raw, secrets.get(i))),
    );
    return result;
  },
};

/**
 * The decrypted secrets of the encrypted entries by index (an entry whose padding fails is left out
 * and reported by itself); a wrong password when no entry decrypts at all.
 */
async function decryptAll(entries: unknown[], password?: string): Promise<Map<number, string>> {
  const sealed = entries.flatMap((e, i) => (encrypted(e) && isObject(e) ? [{ i, e }] : []));
  const out = new Map<number, string>();
  if (sealed.length === 0) return out;
  if (password === undefined) throw passwordNeeded(LABEL);
  const salts = sealed.map(({ e }) => Buffer.from(typeof e['salt'] === 'string' ? e['salt'] : '', 'utf8'));
  const keys = await pbkdf2Keys(password, salts, AUTHY.iterations, 'sha1');
  sealed.forEach(({ i, e }, n) => {
    const text = typeof e['encryptedSecret'] === 'string' ? e['encryptedSecret'] : '';
    const plain = openCbc(keys[n] ?? Buffer.alloc(32), Buffer.alloc(16), Buffer.from(text, 'base64'));
    const secret = plain === null ? '' : Buffer.from(plain).toString('utf8');
    if (/^[A-Z2-7= -]+$/iu.test(secret)) out.set(i, secret);
  });
  // CBC has no check value: a wrong password shows as bad padding (or non-base32 text) everywhere.
  if (out.size === 0) throw wrongPassword(LABEL, 'Authy stores no password check');
  return out;
}

function token(raw: unknown, decrypted: string | undefined): Token {
  const obj: JsonObject = isObject(raw) ? raw : {};
  const e = fields(obj, 'Authy entry');
  const seed = e.optStr('secretSeed');
  if (seed !== '') {
    if (!/^(?:[0-9a-f]{2})+$/iu.test(seed))
      throw new KeyfobError('invalid-input', 'The Authy entry\'s "secretSeed" is not hexadecimal.', 'secret');
    return buildToken({
      type: 'totp',
      issuer: e.optStr('name'),
      account: '',
      secret: new Uint8Array(Buffer.from(seed, 'hex')),
      digits: e.int('digits', 7),
      period: AUTHY.nativePeriod,
    });
  }
  const secret = decrypted ?? e.optStr('decryptedSecret');
  if (secret === '') {
    throw new KeyfobError(
      'invalid-input',
      'This Authy entry could not be decrypted (its encrypted secret is damaged).',
    );
  }
  return buildToken({
    type: 'totp',
    ...names(e),
    secret: base32Decode(secret, 'secret'),
    digits: e.int('digits', 6),
  });
}

/**
 * Issuer and account as Aegis works them out: issuer = `originalIssuer`, else the prefix of
 * `originalName` ("Deno:Mason"), else of `name` ("Deno - Mason"), else `accountType` capitalised;
 * the account by the one label rule from `originalName`, else `name` (shown as "Deno: Mason").
 */
function names(e: ReturnType<typeof fields>): { issuer: string; account: string } {
  const original = e.optStr('originalName');
  const split = splitDashedLabel(original !== '' ? original : e.optStr('name'), e.optStr('originalIssuer'));
  const type = e.optStr('accountType');
  return { ...split, issuer: split.issuer || type.charAt(0).toUpperCase() + type.slice(1) };
}
