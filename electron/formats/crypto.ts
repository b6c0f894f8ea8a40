import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveInWorker } from './kdf-worker';

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
 * scrypt → 32-byte key, in a worker thread (kdf-worker.ts). Node refuses N=32768, r=8 (32 MiB)
 * under its 32 MiB default `maxmem`, so the worker raises it to twice 128·N·r; the caller checks
 * the parameters first (kdf-limits.ts).
 */
export function scryptKey(
  password: string,
  salt: Uint8Array,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return deriveInWorker({ kind: 'scrypt', password, salt, n, r, p });
}

/** PBKDF2 → 32-byte key (2FAS: HMAC-SHA256; andOTP: HMAC-SHA1), in a worker thread. */
export function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  digest: 'sha1' | 'sha256',
): Promise<Buffer> {
  return deriveInWorker({ kind: 'pbkdf2', password, salt, iterations, digest });
}
