import { inputError } from './input-error';

/**
 * Largest seed Keyfob accepts. Real seeds are 10–64 bytes; 1024 bytes still fits Windows Credential
 * Manager's 2560-byte blob in any text form the vault might store (base32 1639, hex 2048 characters).
 */
export const MAX_SECRET_BYTES = 1024;

/** Throws a `secret` field error when the seed is empty or larger than {@link MAX_SECRET_BYTES}. */
export function assertSecretFits(secret: Uint8Array, maxBytes = MAX_SECRET_BYTES): void {
  if (secret.length === 0)
    throw inputError('secret', 'Secret is empty; paste the base32 key the site showed.');
  if (secret.length > maxBytes) {
    throw inputError(
      'secret',
      `Secret is ${secret.length} bytes long; Keyfob accepts at most ${maxBytes} bytes.`,
    );
  }
}

/** Compares two seeds in time that depends only on their lengths, so duplicates can be found safely. */
export function sameSecret(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
