import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { createDecipheriv } from 'node:crypto';
import { pbkdf2Key } from './crypto';
import { damaged, wrongPassword } from './format';
import { SQLITE_HEADER } from './sqlite';

// SQLCipher 3 databases (Authenticator Plus's `authplus.db`), decrypted page by page with node:crypto
// so that sql.js can read the result. SQLCipher 3 defaults (utelle/SQLite3MultipleCiphers
// cipher_sqlcipher.md, "SQLCipher version 3"): the file's first 16 bytes are the salt; key =
// PBKDF2-HMAC-SHA1(password, salt, 64,000, 256 bits); pages of 1024 bytes, each ending in a 48-byte
// reserve = IV (16) ‖ HMAC-SHA1 (20) ‖ padding; the bytes before the reserve are AES-256-CBC (no
// padding) under that IV, for page 1 starting after the salt. The HMAC key is PBKDF2-HMAC-SHA1(key,
// salt XOR 0x3a, 2, 256 bits) and covers ciphertext ‖ IV ‖ page number (little-endian u32): a wrong
// password shows as page 1's HMAC failing. The plaintext keeps the 48-byte reserve (zeroed), which
// its own header declares, and page 1 gets SQLite's header string back in place of the salt.

/** SQLCipher 3's defaults. */
export const SQLCIPHER3 = { iterations: 64_000, pageSize: 1024, reserve: 48, saltBytes: 16 } as const;

/** Decrypts a whole SQLCipher 3 database; throws a wrong-password or damaged error for `label`. */
export async function decryptSqlcipher3(
  bytes: Uint8Array,
  password: string,
  label: string,
): Promise<Uint8Array> {
  const { pageSize, reserve, saltBytes, iterations } = SQLCIPHER3;
  if (bytes.length < pageSize || bytes.length % pageSize !== 0) {
    throw damaged(label, `it is not whole ${pageSize}-byte pages, as SQLCipher 3 writes`);
  }
  const salt = bytes.subarray(0, saltBytes);
  const key = await pbkdf2Key(password, salt, iterations, 'sha1');
  const macSalt = Buffer.from(salt).map((b) => b ^ 0x3a);
  const macKey = pbkdf2Sync(key, macSalt, 2, 32, 'sha1');
  const out = new Uint8Array(bytes.length);
  for (let page = 1; page * pageSize <= bytes.length; page++) {
    const start = (page - 1) * pageSize;
    const from = page === 1 ? saltBytes : 0;
    const end = start + pageSize - reserve;
    const ciphertext = bytes.subarray(start + from, end);
    const iv = bytes.subarray(end, end + 16);
    const mac = bytes.subarray(end + 16, end + 36);
    const number = Buffer.alloc(4);
    number.writeUInt32LE(page);
    const expected = createHmac('sha1', macKey).update(ciphertext).update(iv).update(number).digest();
    if (!timingSafeEqual(expected, mac)) {
      if (page === 1) throw wrongPassword(label);
      throw damaged(label, `its page ${page} fails the integrity check`);
    }
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    out.set(Buffer.concat([decipher.update(ciphertext), decipher.final()]), start + from);
  }
  out.set(Buffer.from(SQLITE_HEADER, 'latin1'), 0);
  return out;
}
