import { createCipheriv, createDecipheriv, pbkdf2, randomBytes, scrypt } from 'node:crypto';

/** AES-256-GCM output split the way the file formats store it. */
export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

/** AES-256-GCM with a fresh random 96-bit nonce and no associated data (Aegis, 2FAS, andOTP). */
export function sealGcm(key: Uint8Array, plaintext: Uint8Array, nonce: Uint8Array = randomBytes(12)): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** AES-256-GCM decryption; null when the tag does not verify (wrong key or damaged data). */
export function openGcm(key: Uint8Array, sealed: Sealed): Uint8Array | null {
  if (sealed.tag.length !== 16 || sealed.nonce.length === 0) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * scrypt → 32-byte key. Node refuses N=32768, r=8 (32 MiB) under its 32 MiB default `maxmem`, so the
 * limit is raised to 128·N·r·2 bytes; N above 2^20 is refused as not a real backup.
 */
export function scryptKey(
  password: string,
  salt: Uint8Array,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const maxmem = 128 * n * r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, { N: n, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** PBKDF2 → 32-byte key (2FAS: HMAC-SHA256; andOTP: HMAC-SHA1). */
export function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  digest: 'sha1' | 'sha256',
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, 32, digest, (err, key) => (err ? reject(err) : resolve(key))),
  );
}
