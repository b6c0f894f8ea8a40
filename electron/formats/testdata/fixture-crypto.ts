import { createCipheriv } from 'node:crypto';

/** AES-256-GCM with a 16-byte tag and no associated data, as Aegis, 2FAS and andOTP use it. */
export function sealGcm(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array) {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}
