import { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';

/** AES-256-GCM with a 16-byte tag, as Aegis, 2FAS and andOTP use it; `aad` for FreeOTP 2. */
export function sealGcm(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array) {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  if (aad !== undefined) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/** AES-256-CBC with PKCS#7 padding (Authy, SDA, Stratum's legacy layout, TOTP Authenticator). */
export function sealCbc(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

/** PBKDF2 → 32 bytes. */
export const pbkdf2 = (password: string | Uint8Array, salt: Uint8Array, iterations: number, digest: string) =>
  pbkdf2Sync(password, salt, iterations, 32, digest);

/** SHA-256 of UTF-8 text. */
export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
