import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { argon2Module, deriveInWorker, type Pbkdf2Digest } from './kdf-worker';

/** AES-256-GCM output split the way the file formats store it. */
export interface Sealed {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
  /** Associated data (FreeOTP 2 binds each key to its algorithm name); none for most formats. */
  aad?: Uint8Array;
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
    if (sealed.aad !== undefined) decipher.setAAD(sealed.aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * AES-CBC decryption with PKCS#7 padding (key length picks AES-128/256); null when the padding
 * is wrong — the only sign of a wrong key CBC gives, right for about 255 keys in 256.
 */
export function openCbc(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  if (iv.length !== 16 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  try {
    const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * scrypt → 32-byte key, in a worker thread (kdf-worker.ts). Node refuses N=32768, r=8 (32 MiB)
 * under its 32 MiB default `maxmem`, so the worker raises it to twice 128·N·r; the caller checks
 * the parameters first (kdf-limits.ts).
 */
export async function scryptKey(
  password: string,
  salt: Uint8Array,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const [key] = await deriveInWorker({ kind: 'scrypt', password, salt, n, r, p });
  return key ?? Buffer.alloc(0);
}

/** PBKDF2 → 32-byte key (2FAS: HMAC-SHA256; andOTP: HMAC-SHA1), in a worker thread. */
export async function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  digest: Pbkdf2Digest,
): Promise<Buffer> {
  const [key] = await pbkdf2Keys(password, [salt], iterations, digest);
  return key ?? Buffer.alloc(0);
}

/** PBKDF2 → one 32-byte key per salt (Authy derives a key per entry), in one worker thread. */
export function pbkdf2Keys(
  password: string,
  salts: Uint8Array[],
  iterations: number,
  digest: Pbkdf2Digest,
): Promise<Buffer[]> {
  return deriveInWorker({ kind: 'pbkdf2', password, salts, iterations, digest });
}

/** Argon2id (version 1.3) → 32-byte key, in a worker thread; parameters checked by the caller. */
export async function argon2idKey(
  password: string,
  salt: Uint8Array,
  params: { iterations: number; memoryKiB: number; parallelism: number },
): Promise<Buffer> {
  const [key] = await deriveInWorker({ kind: 'argon2id', password, salt, ...params, module: argon2Module() });
  return key ?? Buffer.alloc(0);
}
