import type { Token } from '../../shared/otp-types';
import { checkEntryCount } from './import-limits';
import { openGcm, pbkdf2Key } from './crypto';
import { damaged, entrySource, passwordNeeded, wrongPassword, type ImportFormat } from './format';
import { fields, isObject, parseJsonText, parseJsonBytes, type JsonObject } from './json-input';
import { buildToken, collect, emptyResult } from './token-build';

const LABEL = '2FAS backup';
/** 2FAS derives its backup key with PBKDF2-HMAC-SHA256, 10 000 iterations, 256 bits. */
export const TWOFAS_PBKDF2_ITERATIONS = 10_000;
/** The text 2FAS encrypts as `reference`: it only proves the password. @see 2FAS Android BackupRepository */
export const TWOFAS_REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVF' +
  'JsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4Qsve' +
  'J9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd';

function backup(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  return isObject(doc) && typeof doc['schemaVersion'] === 'number' && 'services' in doc ? doc : undefined;
}

/**
 * 2FAS Authenticator `.2fas` backups, schemas 1–4, plain and encrypted. Encrypted: `servicesEncrypted`
 * is `base64(ciphertext ‖ tag16):base64(salt):base64(iv12)`, key = PBKDF2-HMAC-SHA256(password, salt,
 * 10 000, 32 bytes), AES-256-GCM; `reference` is the fixed text above sealed the same way and tells a
 * wrong password from a damaged file. The service's `name` is the issuer shown in 2FAS (Aegis's
 * TwoFASImporter reads it the same way); `tokenType` is missing before schema 2 (→ TOTP).
 */
export const twofasFormat: ImportFormat = {
  id: '2fas',
  label: LABEL,
  detect(fileName, bytes) {
    if (backup(bytes) !== undefined) return 1;
    return fileName.toLowerCase().endsWith('.2fas') ? 0.3 : 0;
  },
  needsPassword(bytes) {
    return typeof backup(bytes)?.['servicesEncrypted'] === 'string';
  },
  async read(bytes, { password, sourceName }) {
    const doc = backup(bytes);
    if (doc === undefined) throw damaged(LABEL, 'it is not 2FAS backup JSON (no schemaVersion and services)');
    const version = doc['schemaVersion'] as number;
    if (version > 4) throw damaged(LABEL, `its schema version ${version} is newer than Keyfob knows (4)`);
    const sealed = doc['servicesEncrypted'];
    let services: unknown = doc['services'];
    if (typeof sealed === 'string') {
      if (password === undefined) throw passwordNeeded(LABEL);
      services = parseJsonText(await decrypt(doc, sealed, password));
    }
    if (!Array.isArray(services)) throw damaged(LABEL, 'it has no list of services');
    checkEntryCount(`This ${LABEL}`, services.length);
    const result = emptyResult();
    services.forEach((s: unknown, i: number) =>
      collect(result, entrySource(sourceName, i), () => service(s)),
    );
    return result;
  },
};

function service(raw: unknown): Token {
  const s = fields(isObject(raw) ? raw : {}, '2FAS service');
  const otp = fields(s.obj('otp'), '2FAS service');
  const tokenType = otp.optStr('tokenType', 'TOTP');
  return buildToken({
    type: tokenType,
    issuer: s.optStr('name') || otp.optStr('issuer'),
    account: otp.optStr('account'),
    secret: s.str('secret'),
    algorithm: otp.optStr('algorithm', 'SHA1'),
    digits: otp.int('digits', 6),
    period: tokenType === 'HOTP' ? 30 : otp.int('period', 30),
    counter: tokenType === 'HOTP' ? otp.counter('counter', 0n) : 0n,
  });
}

async function decrypt(doc: JsonObject, sealed: string, password: string): Promise<string> {
  const parts = splitSealed(sealed);
  if (parts === undefined) throw damaged(LABEL, 'its encrypted services are not in the data:salt:iv form');
  const key = await pbkdf2Key(password, parts.salt, TWOFAS_PBKDF2_ITERATIONS, 'sha256');
  const reference = typeof doc['reference'] === 'string' ? splitSealed(doc['reference']) : undefined;
  if (reference !== undefined && openGcm(key, reference) === null) throw wrongPassword(LABEL);
  const plain = openGcm(key, parts);
  if (plain === null) {
    throw reference === undefined
      ? wrongPassword(LABEL, 'this backup has no password check')
      : damaged(LABEL, 'its services fail the integrity check');
  }
  return Buffer.from(plain).toString('utf8');
}

/** `base64(ciphertext ‖ tag):base64(salt):base64(iv)` → parts; undefined if it has another shape. */
export function splitSealed(text: string) {
  const [data, salt, iv] = text.split(':').map((p) => Buffer.from(p, 'base64'));
  if (data === undefined || salt === undefined || iv === undefined || data.length < 16 || iv.length === 0) {
    return undefined;
  }
  return { salt, nonce: iv, ciphertext: data.subarray(0, -16), tag: data.subarray(-16) };
}
