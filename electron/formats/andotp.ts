import { createHash } from 'node:crypto';
import type { Token } from '../../shared/otp-types';
import { checkEntryCount } from './import-limits';
import { openGcm, pbkdf2Key, type Sealed } from './crypto';
import { damaged, entrySource, passwordNeeded, wrongPassword, type ImportFormat } from './format';
import { fields, isObject, parseJsonText, parseJsonBytes } from './json-input';
import { MAX_ANDOTP_ITERATIONS, checkIterations } from './kdf-limits';
import { buildToken, collect, emptyResult, splitDashedLabel } from './token-build';

// andOTP backups (andOTP Utilities/BackupHelper.java, EncryptionHelper.java, Constants.java; Aegis
// AndOtpImporter; formats-more.md "andOTP"). Plain: a JSON array of `{ secret, issuer, label,
// digits, type, algorithm, period | counter, … }`. Encrypted, two layouts with no flag between them:
// - andOTP ≥ 0.6.3: iterations (u32 BE) ‖ salt 12 ‖ nonce 12 ‖ ciphertext ‖ tag 16, key =
//   PBKDF2-HMAC-SHA1(password, salt, iterations, 256 bits), AES-256-GCM. andOTP draws the count from
//   140,000–160,000, so the first four bytes recognise the file whatever its name.
// - andOTP ≤ 0.6.2: nonce 12 ‖ ciphertext ‖ tag 16, key = SHA-256(password). No header: only a file
//   named like andOTP's (`otp_accounts….json.aes`) without the new header is taken for it, and the
//   user can name the format (the app's choice, `--format andotp-old`).

const LABEL = 'andOTP backup';
const OLD_LABEL = 'andOTP backup (before 0.6.3)';
/** andOTP's encrypted backup layout and iteration range (Constants.java). */
export const ANDOTP = {
  saltBytes: 12,
  nonceBytes: 12,
  tagBytes: 16,
  minIterations: 140_000,
  maxIterations: 160_000,
};
const HEADER = 4 + ANDOTP.saltBytes + ANDOTP.nonceBytes;

function plainEntries(bytes: Uint8Array): unknown[] | undefined {
  const doc = parseJsonBytes(bytes);
  return Array.isArray(doc) && doc.every((e) => isObject(e) && 'secret' in e && 'type' in e)
    ? doc
    : undefined;
}

function iterationsOf(bytes: Uint8Array): number {
  return bytes.length < 4 ? 0 : Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
}

/** The new layout's header: the iteration count andOTP writes, with room for salt, nonce and tag. */
function newHeader(bytes: Uint8Array): boolean {
  const n = iterationsOf(bytes);
  return (
    bytes.length >= HEADER + ANDOTP.tagBytes + 2 && n >= ANDOTP.minIterations && n <= ANDOTP.maxIterations
  );
}

const andotpName = (name: string) => /otp_accounts.*\.json\.aes$/iu.test(name) || /\.json\.aes$/iu.test(name);

/** The new format: plain JSON, or encrypted with its iteration count first. */
export const andotpFormat: ImportFormat = {
  id: 'andotp',
  label: LABEL,
  detect(fileName, bytes) {
    if (plainEntries(bytes) !== undefined) return 0.9;
    if (newHeader(bytes)) return andotpName(fileName) ? 0.95 : 0.85;
    // Another count in a file named like andOTP's: perhaps a count andOTP did not pick, perhaps the
    // old layout's random nonce; unsure, so the app asks (counts above the limit are refused).
    return andotpName(fileName) && iterationsOf(bytes) >= 1000 && iterationsOf(bytes) <= MAX_ANDOTP_ITERATIONS
      ? 0.45
      : 0;
  },
  needsPassword(bytes) {
    return plainEntries(bytes) === undefined;
  },
  async read(bytes, { password, sourceName }) {
    let entries = plainEntries(bytes);
    if (entries === undefined) {
      if (bytes.length < HEADER + ANDOTP.tagBytes)
        throw damaged(LABEL, 'it is neither andOTP JSON nor long enough to be encrypted');
      if (password === undefined) throw passwordNeeded(LABEL);
      entries = decryptedList(LABEL, await decryptNew(Buffer.from(bytes), password));
    }
    return readEntries(entries, sourceName);
  },
};

/** The old format: named by the user, or guessed (unsure) for an andOTP file name without the new header. */
export const andotpOldFormat: ImportFormat = {
  id: 'andotp-old',
  label: OLD_LABEL,
  detect(fileName, bytes) {
    return andotpName(fileName) && !newHeader(bytes) && plainEntries(bytes) === undefined ? 0.3 : 0;
  },
  needsPassword() {
    return true;
  },
  async read(bytes, { password, sourceName }) {
    if (bytes.length < ANDOTP.nonceBytes + ANDOTP.tagBytes)
      throw damaged(OLD_LABEL, 'it is too short to be encrypted');
    if (password === undefined) throw passwordNeeded(OLD_LABEL);
    const key = createHash('sha256').update(password, 'utf8').digest();
    const plain = open(OLD_LABEL, key, {
      nonce: bytes.subarray(0, ANDOTP.nonceBytes),
      ciphertext: bytes.subarray(ANDOTP.nonceBytes, -ANDOTP.tagBytes),
      tag: bytes.subarray(-ANDOTP.tagBytes),
    });
    return readEntries(decryptedList(OLD_LABEL, plain), sourceName);
  },
};

function readEntries(entries: unknown[], sourceName: string) {
  checkEntryCount(`This ${LABEL}`, entries.length);
  const result = emptyResult();
  entries.forEach((e: unknown, i: number) => collect(result, entrySource(sourceName, i), () => entry(e)));
  return result;
}

function decryptedList(label: string, plain: string): unknown[] {
  const doc = parseJsonText(plain);
  if (!Array.isArray(doc)) throw damaged(label, 'its decrypted contents are not a list of accounts');
  return doc;
}

function entry(raw: unknown): Token {
  const e = fields(isObject(raw) ? raw : {}, 'andOTP entry');
  const type = e.str('type');
  // Before andOTP 0.6.3 there was no "issuer": the label read "Issuer - account" (old files write
  // "Deno - Deno:Mason") or "Issuer:account"; since then the two are separate fields.
  const names =
    isObject(raw) && 'issuer' in raw
      ? { issuer: e.optStr('issuer'), account: e.str('label') }
      : splitDashedLabel(e.str('label'));
  return buildToken({
    type,
    ...names,
    secret: e.str('secret'),
    algorithm: e.optStr('algorithm', 'SHA1'),
    digits: e.int('digits', 6),
    period: type.toUpperCase() === 'HOTP' ? 30 : e.int('period', 30),
    counter: type.toUpperCase() === 'HOTP' ? e.counter('counter') : 0n,
  });
}

async function decryptNew(data: Buffer, password: string): Promise<string> {
  const iterations = data.readUInt32BE(0);
  checkIterations(LABEL, iterations, MAX_ANDOTP_ITERATIONS);
  const salt = data.subarray(4, 4 + ANDOTP.saltBytes);
  const key = await pbkdf2Key(password, salt, iterations, 'sha1');
  return open(LABEL, key, {
    nonce: data.subarray(4 + ANDOTP.saltBytes, HEADER),
    ciphertext: data.subarray(HEADER, -ANDOTP.tagBytes),
    tag: data.subarray(-ANDOTP.tagBytes),
  });
}

function open(label: string, key: Uint8Array, sealed: Sealed): string {
  const plain = openGcm(key, sealed);
  // GCM cannot tell a wrong password from a damaged file; andOTP has no password check value.
  if (plain === null) throw wrongPassword(label, 'andOTP stores no password check');
  return Buffer.from(plain).toString('utf8');
}
