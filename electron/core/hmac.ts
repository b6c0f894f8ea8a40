import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { Algorithm } from '../../shared/otp-types';

// The one place the core touches an HMAC implementation. @noble/hashes is synchronous and
// runtime-agnostic (it is otpauth's own HMAC backend), so the core stays pure and portable.
const HASHES = { SHA1: sha1, SHA256: sha256, SHA512: sha512 } as const;

/** HMAC of `message` under `key` with the named hash. @see RFC 2104 */
export function hmac(algorithm: Algorithm, key: Uint8Array, message: Uint8Array): Uint8Array {
  return nobleHmac(HASHES[algorithm], key, message);
}
