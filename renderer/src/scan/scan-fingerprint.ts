import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Random per page load, so a fingerprint cannot even confirm a guessed key. */
const PAGE_SALT = crypto.getRandomValues(new Uint8Array(16));

/**
 * A salted digest of a scanned text. The webcam sees the same code many times a second; comparing
 * fingerprints tells a repeat from a new code without the renderer keeping the text (which may hold
 * a seed) once it went to main.
 */
export function scanFingerprint(text: string, salt: Uint8Array = PAGE_SALT): string {
  const bytes = utf8ToBytes(text);
  const input = new Uint8Array(salt.length + bytes.length);
  input.set(salt);
  input.set(bytes, salt.length);
  return bytesToHex(sha256(input)).slice(0, 32);
}
