import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { appDatabase } from './app-databases';
import { argon2idKey, openCbc, openGcm, pbkdf2Key } from './crypto';
import { damaged, entrySource, passwordNeeded, wrongPassword, type ImportFormat } from './format';
import { checkEntryCount } from './import-limits';
import { fields, isObject, parseJsonBytes, parseJsonText, type JsonObject } from './json-input';
import { checkArgon2 } from './kdf-limits';
import { sqlInt, sqlText, type SqlRow } from './sqlite';
import { buildToken, collect, emptyResult } from './token-build';

// Stratum (formerly Authenticator Pro) backups `backup-….stratum` (old: `.authpro`) and its app
// database. Plain: JSON `{ Authenticators: [{ Type, Issuer, Username, Secret, Pin, Algorithm,
// Digits, Period, Counter, … }], Categories, AuthenticatorCategories, CustomIcons }`. `Type`: 1 HOTP,
// 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex (Keyfob has no mOTP or Yandex: those entries are listed as not
// importable); `Algorithm`: 0 SHA-1, 1 SHA-256, 2 SHA-512. Categories and icons are not kept.
// Encrypted, recognised by a 16-byte ASCII header:
// - "AUTHENTICATORPRO" · salt 16 · IV 12 · ciphertext ‖ tag 16: Argon2id v1.3, t = 3, m = 64 MiB,
//   p = 4, 32 bytes; AES-256-GCM, no associated data (StrongBackupEncryption.cs).
// - "AuthenticatorPro" · salt 20 · IV 16 · ciphertext: PBKDF2-HMAC-SHA1, 64,000, 32 bytes;
//   AES-256-CBC, PKCS#7 (LegacyBackupEncryption.cs).
// The earliest Authenticator Pro backups (no header, OpenSSL-style key derivation) are not read.
// @see formats-more.md "Stratum"; Aegis StratumImporter; stratumauth/app Stratum.Core/src/Backup/
//      Encryption/*.cs, AuthenticatorType.cs, Stratum.Droid/src/Database.cs

const LABEL = 'Stratum backup';
const HEADER_BYTES = 16;
/** Stratum's current encryption: header, layout and Argon2id parameters (StrongBackupEncryption.cs). */
export const STRATUM = {
  header: 'AUTHENTICATORPRO',
  saltBytes: 16,
  ivBytes: 12,
  argon2: { iterations: 3, memoryKiB: 64 * 1024, parallelism: 4 },
} as const;
/** Authenticator Pro's legacy encryption (LegacyBackupEncryption.cs). */
export const STRATUM_LEGACY = {
  header: 'AuthenticatorPro',
  saltBytes: 20,
  ivBytes: 16,
  iterations: 64_000,
} as const;

function plain(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  return isObject(doc) && Array.isArray(doc['Authenticators']) ? doc : undefined;
}

function header(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, HEADER_BYTES)).toString('latin1');
}

const encrypted = (bytes: Uint8Array) =>
  bytes.length > HEADER_BYTES + 32 &&
  (header(bytes) === STRATUM.header || header(bytes) === STRATUM_LEGACY.header);

/** Stratum and Authenticator Pro backups, plain and encrypted. */
export const stratumFormat: ImportFormat = {
  id: 'stratum',
  label: LABEL,
  detect(_fileName, bytes) {
    return plain(bytes) !== undefined || encrypted(bytes) ? 1 : 0;
  },
  needsPassword(bytes) {
    return plain(bytes) === undefined;
  },
  async read(bytes, { password, sourceName }) {
    let doc: unknown = plain(bytes);
    if (doc === undefined) {
      if (!encrypted(bytes))
        throw damaged(LABEL, 'it is neither Stratum JSON nor a Stratum encrypted backup');
      if (password === undefined) throw passwordNeeded(LABEL);
      doc = parseJsonText(await decrypt(Buffer.from(bytes), password));
    }
    const list = isObject(doc) ? doc['Authenticators'] : undefined;
    if (!Array.isArray(list)) throw damaged(LABEL, 'its contents have no list of Authenticators');
    checkEntryCount(`This ${LABEL}`, list.length);
    const result = emptyResult();
    list.forEach((raw: unknown, i: number) =>
      collect(result, entrySource(sourceName, i), () => jsonToken(raw)),
    );
    return result;
  },
};

async function decrypt(data: Buffer, password: string): Promise<string> {
  let opened: Uint8Array | null;
  if (header(data) === STRATUM.header) {
    checkArgon2(LABEL, STRATUM.argon2);
    const salt = data.subarray(HEADER_BYTES, HEADER_BYTES + STRATUM.saltBytes);
    const at = HEADER_BYTES + STRATUM.saltBytes + STRATUM.ivBytes;
    const key = await argon2idKey(password, salt, STRATUM.argon2);
    opened = openGcm(key, {
      nonce: data.subarray(HEADER_BYTES + STRATUM.saltBytes, at),
      ciphertext: data.subarray(at, -16),
      tag: data.subarray(-16),
    });
  } else {
    const { saltBytes, ivBytes, iterations } = STRATUM_LEGACY;
    const at = HEADER_BYTES + saltBytes + ivBytes;
    const key = await pbkdf2Key(
      password,
      data.subarray(HEADER_BYTES, HEADER_BYTES + saltBytes),
      iterations,
      'sha1',
    );
    opened = openCbc(key, data.subarray(HEADER_BYTES + saltBytes, at), data.subarray(at));
  }
  // Neither layout has a password check: GCM's tag or CBC's padding is all there is.
  if (opened === null) throw wrongPassword(LABEL, 'Stratum stores no password check');
  return Buffer.from(opened).toString('utf8');
}

const TYPES: Record<number, string> = { 1: 'hotp', 2: 'totp', 4: 'steam' };
const UNSUPPORTED: Record<number, string> = { 3: 'mOTP', 5: 'Yandex' };
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

/** One authenticator, from the JSON or a database row (same enums, other spellings). */
export function stratumToken(a: {
  type: number;
  issuer: string;
  username: string;
  secret: string;
  algorithm: number;
  digits: number;
  period: number;
  counter: bigint;
}): Token {
  const type = TYPES[a.type];
  if (type === undefined) {
    const name = UNSUPPORTED[a.type];
    throw new KeyfobError(
      'invalid-input',
      name === undefined
        ? `Cannot be imported: unknown Stratum type ${a.type}.`
        : `Cannot be imported: Keyfob does not make ${name} codes.`,
      'type',
    );
  }
  const algorithm = ALGORITHMS[a.algorithm];
  if (algorithm === undefined)
    throw new KeyfobError('invalid-input', `Unknown Stratum algorithm ${a.algorithm}.`, 'algorithm');
  return buildToken({
    type,
    issuer: a.issuer,
    account: a.username,
    secret: a.secret,
    algorithm,
    digits: a.digits,
    period: a.period,
    counter: type === 'hotp' ? a.counter : 0n,
  });
}

function jsonToken(raw: unknown): Token {
  const e = fields(isObject(raw) ? raw : {}, 'Stratum authenticator');
  return stratumToken({
    type: e.int('Type'),
    issuer: e.optStr('Issuer'),
    username: e.optStr('Username'),
    secret: e.str('Secret'),
    algorithm: e.int('Algorithm', 0),
    digits: e.int('Digits', 6),
    period: e.int('Period', 30),
    counter: e.counter('Counter', 0n),
  });
}

/**
 * Stratum's app database `com.stratumauth.app/databases/authenticator.db3` (Authenticator Pro:
 * `proauth.db3`), table `authenticator` with the JSON's fields in lower case. A database the user
 * protected with a Stratum password is SQLCipher-encrypted and not read (as in Aegis).
 */
export const stratumDbFormat = appDatabase({
  id: 'stratum-db',
  label: 'Stratum database (authenticator.db3)',
  schema: ['authenticator', 'secret', 'ranking'],
  table: 'authenticator',
  row: (r: SqlRow) =>
    stratumToken({
      type: sqlInt(r, 'type', 0),
      issuer: sqlText(r, 'issuer'),
      username: sqlText(r, 'username'),
      secret: sqlText(r, 'secret'),
      algorithm: sqlInt(r, 'algorithm', 0),
      digits: sqlInt(r, 'digits', 6),
      period: sqlInt(r, 'period', 30),
      counter: BigInt(sqlInt(r, 'counter', 0)),
    }),
});
