import { createHash, pbkdf2Sync } from 'node:crypto';
import type { Token } from '../../../shared/otp-types';
import { sealGcm } from './fixture-crypto';
import { base32, base32Padded, javaBytes, json } from './fixture-encoding';
import type { Randomness } from './seeded';

// andOTP and FreeOTP+ exports, written from the apps' own sources and Aegis's importers of them
// (AndOtpImporter.java, FreeOtpPlusImporter.java), never from Keyfob's readers.

/**
 * andOTP's encrypted backup (BackupHelper.backupToFile, EncryptionHelper, Constants.java):
 * iterations as a 4-byte big-endian int (INT_LENGTH) ‖ salt of ENCRYPTION_IV_LENGTH = 12 bytes ‖
 * nonce 12 ‖ AES-256-GCM ciphertext ‖ 16-byte tag; key = PBKDF2WithHmacSHA1(password, salt,
 * iterations, PBKDF2_LENGTH = 256 bits). Iterations are drawn from PBKDF2_MIN/MAX_ITERATIONS
 * (140 000–160 000); the fixture uses PBKDF2_DEFAULT_ITERATIONS. (Constants.PBKDF2_SALT_LENGTH = 16
 * is for the app's own database, not backups.)
 */
const ANDOTP = { iterations: 150_000, saltBytes: 12, nonceBytes: 12, keyBytes: 32 };

/**
 * andOTP's entry JSON (Entry.toJSON; Aegis's andotp_plain.json): base32 secret padded with `=`,
 * `type` TOTP/HOTP/STEAM, `period` on TOTP only, `counter` on HOTP only, Steam with 5 digits.
 */
function andotpEntry(t: Token): Record<string, unknown> {
  return {
    secret: base32Padded(t.secret),
    issuer: t.issuer,
    label: t.account,
    digits: t.digits,
    type: t.type.toUpperCase(),
    algorithm: t.algorithm,
    thumbnail: 'Default',
    last_used: 0,
    used_frequency: 0,
    ...(t.type === 'totp' ? { period: t.period } : {}),
    ...(t.type === 'hotp' ? { counter: t.counter } : {}),
    tags: [],
  };
}

/** An andOTP backup: the JSON array, or with a password the encrypted layout above. */
export function writeAndotp(tokens: readonly Token[], random: Randomness, password?: string): Uint8Array {
  const plain = Buffer.from(json(tokens.map(andotpEntry)), 'utf8');
  if (password === undefined) return plain;
  const salt = random.bytes(ANDOTP.saltBytes);
  const key = pbkdf2Sync(password, salt, ANDOTP.iterations, ANDOTP.keyBytes, 'sha1');
  const nonce = random.bytes(ANDOTP.nonceBytes);
  const sealed = sealGcm(key, nonce, plain);
  const iterations = Buffer.alloc(4);
  iterations.writeUInt32BE(ANDOTP.iterations);
  return Buffer.concat([iterations, salt, nonce, sealed.ciphertext, sealed.tag]);
}

/**
 * andOTP's backup before 0.6.3 (formats-more.md "andOTP", table row "old"): nonce 12 ‖ AES-256-GCM
 * ciphertext ‖ tag 16, key = SHA-256(password), no header. Entries had no `issuer`: the label read
 * "Issuer - Issuer:account", as in Aegis's andotp_encrypted_old.bin.
 */
export function writeAndotpOld(tokens: readonly Token[], random: Randomness, password: string): Uint8Array {
  const entries = tokens.map((t) => {
    const { issuer: _issuer, ...rest } = andotpEntry(t);
    return { ...rest, label: `${t.issuer} - ${t.issuer}:${t.account}` };
  });
  const key = createHash('sha256').update(password, 'utf8').digest();
  const nonce = random.bytes(ANDOTP.nonceBytes);
  const sealed = sealGcm(key, nonce, Buffer.from(json(entries), 'utf8'));
  return Buffer.concat([nonce, sealed.ciphertext, sealed.tag]);
}

/**
 * Duo Mobile's `accounts.json` (formats-more.md "Duo Mobile", Aegis's duo.json): `otpGenerator`
 * with the base32 `otpSecret` and, for HOTP, the `counter`. `name` is written as the key URI's label
 * ("Issuer:account"), an assumption: Duo shows the scanned label until the user renames it
 * (`serviceTypeLabelIsCustom`). `pushOnly` adds a Duo Push account.
 */
export function writeDuo(tokens: readonly Token[], random: Randomness, pushOnly = false): string {
  // A push account's shape is assumed (no public file has one): an OTP account's fields without
  // `accountType` and `otpGenerator`.
  const account = (name: string, generator?: Record<string, unknown>) => {
    const pkey = random.uuid();
    return {
      version: 1.0,
      ...(generator === undefined ? {} : { accountType: 'OtpAccount' }),
      name,
      ...(generator === undefined ? {} : { otpGenerator: generator }),
      logoUri: `file:///data/user/0/com.duosecurity.duomobile/files/duokit/logos/${pkey}.png`,
      pkey,
      serviceTypeLabelIsCustom: false,
    };
  };
  const accounts = tokens.map((t) =>
    account(`${t.issuer}:${t.account}`, {
      otpSecret: base32(t.secret),
      ...(t.type === 'hotp' ? { counter: t.counter } : {}),
    }),
  );
  if (pushOnly) accounts.push(account('Example Corp'));
  return json(accounts, 2);
}

/**
 * A FreeOTP+ export `freeotp-backup.json` (Aegis's freeotp_plus.json, pyFreeOTPPlus's schema notes):
 * `{tokenOrder: ["issuer:label"…], tokens: [...]}` with FreeOTP's token fields; `secret` is Java's
 * signed `byte[]`; the stored HOTP counter is one less than the next one (FreeOTP's Token.java
 * increments before computing); FreeOTP has no Steam type, so Steam is a TOTP whose issuer is
 * "Steam". Tokens are written in reverse and `tokenOrder` gives the order, as after reordering.
 */
export function writeFreeOtpPlus(tokens: readonly Token[]): string {
  const out = tokens.map(freeOtpTokenJson);
  return json({ tokenOrder: tokens.map((t) => `${t.issuer}:${t.account}`), tokens: out.reverse() });
}

/** FreeOTP 1.x's token JSON (Token.java's fields, as FreeOTP+ and `tokens.xml` store them). */
export function freeOtpTokenJson(t: Token) {
  return {
    algo: t.algorithm,
    counter: t.type === 'hotp' ? t.counter - 1n : 0,
    digits: t.digits,
    issuerExt: t.issuer,
    issuerInt: t.issuer,
    label: t.account,
    period: t.period,
    secret: javaBytes(t.secret),
    type: t.type === 'hotp' ? 'HOTP' : 'TOTP',
  };
}
