import type { Token } from '../../shared/otp-types';
import { checkEntryCount } from './import-limits';
import { openGcm, pbkdf2Key } from './crypto';
import { damaged, entrySource, passwordNeeded, wrongPassword, type ImportFormat } from './format';
import { fields, isObject, parseJsonText, parseJsonBytes } from './json-input';
import { MAX_ANDOTP_ITERATIONS, checkIterations } from './kdf-limits';
import { buildToken, collect, emptyResult } from './token-build';

const LABEL = 'andOTP backup';
/** andOTP's encrypted backup layout: iterations (u32 BE) ‖ salt 12 ‖ nonce 12 ‖ ciphertext ‖ tag 16. */
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

function looksEncrypted(fileName: string, bytes: Uint8Array): boolean {
  if (bytes.length < HEADER + ANDOTP.tagBytes + 2) return false;
  const iterations = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
  return (
    fileName.toLowerCase().endsWith('.json.aes') ||
    (iterations >= 1000 && iterations <= MAX_ANDOTP_ITERATIONS)
  );
}

/**
 * andOTP backups. Plain: a JSON array of `{ secret, issuer, label, digits, type, algorithm, period |
 * counter, … }`. Encrypted (`.json.aes`, andOTP ≥ 0.6.3): key = PBKDF2-HMAC-SHA1(password, salt,
 * iterations, 256 bits) with the iterations stored in the file's first 4 bytes; AES-256-GCM.
 * @see andOTP Constants.java (PBKDF2_MIN/MAX_BACKUP_ITERATIONS) and Aegis AndOtpImporter
 */
export const andotpFormat: ImportFormat = {
  id: 'andotp',
  label: LABEL,
  detect(fileName, bytes) {
    if (plainEntries(bytes) !== undefined) return 0.9;
    const name = fileName.toLowerCase();
    if (name.endsWith('.json.aes')) return 0.9;
    return name.includes('otp_accounts') && looksEncrypted(fileName, bytes) ? 0.6 : 0;
  },
  needsPassword(bytes) {
    return plainEntries(bytes) === undefined;
  },
  async read(bytes, { password, sourceName }) {
    let entries = plainEntries(bytes);
    if (entries === undefined) {
      if (!looksEncrypted(sourceName, bytes))
        throw damaged(LABEL, 'it is neither andOTP JSON nor an andOTP encrypted file');
      if (password === undefined) throw passwordNeeded(LABEL);
      const doc = parseJsonText(await decrypt(Buffer.from(bytes), password));
      if (!Array.isArray(doc)) throw damaged(LABEL, 'its decrypted contents are not a list of accounts');
      entries = doc;
    }
    checkEntryCount(`This ${LABEL}`, entries.length);
    const result = emptyResult();
    entries.forEach((e: unknown, i: number) => collect(result, entrySource(sourceName, i), () => entry(e)));
    return result;
  },
};

function entry(raw: unknown): Token {
  const e = fields(isObject(raw) ? raw : {}, 'andOTP entry');
  const type = e.str('type');
  let issuer = e.optStr('issuer');
  let account = e.str('label');
  // Before andOTP 0.6.3 there was no "issuer": the label read "Issuer - account".
  if (!('issuer' in (raw as object))) {
    const dash = account.indexOf(' - ');
    if (dash > 0) [issuer, account] = [account.slice(0, dash), account.slice(dash + 3)];
  }
  return buildToken({
    type,
    issuer,
    account,
    secret: e.str('secret'),
    algorithm: e.optStr('algorithm', 'SHA1'),
    digits: e.int('digits', 6),
    period: type.toUpperCase() === 'HOTP' ? 30 : e.int('period', 30),
    counter: type.toUpperCase() === 'HOTP' ? e.counter('counter') : 0n,
  });
}

async function decrypt(data: Buffer, password: string): Promise<string> {
  const iterations = data.readUInt32BE(0);
  checkIterations(LABEL, iterations, MAX_ANDOTP_ITERATIONS);
  const salt = data.subarray(4, 4 + ANDOTP.saltBytes);
  const nonce = data.subarray(4 + ANDOTP.saltBytes, HEADER);
  const key = await pbkdf2Key(password, salt, iterations, 'sha1');
  const plain = openGcm(key, {
    nonce,
    ciphertext: data.subarray(HEADER, -ANDOTP.tagBytes),
    tag: data.subarray(-ANDOTP.tagBytes),
  });
  // GCM cannot tell a wrong password from a damaged file; andOTP has no password check value.
  if (plain === null) throw wrongPassword(LABEL, 'andOTP stores no password check');
  return Buffer.from(plain).toString('utf8');
}
