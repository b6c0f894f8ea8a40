import type { Algorithm } from '../../shared/otp-types';
import { hmac } from './hmac';
import { checkCounter, checkDigits, normaliseAlgorithm } from './params';

/** The 8-byte big-endian moving factor. @see RFC 4226 §5.2 */
export function counterBytes(counter: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, checkCounter(counter), false);
  return bytes;
}

/**
 * HMAC then dynamic truncation to a 31-bit value. The offset comes from the low nibble of the
 * LAST HMAC byte (byte 19 only for SHA-1; SHA-256/512 digests are longer). @see RFC 4226 §5.3
 */
export function truncatedValue(secret: Uint8Array, counter: bigint, algorithm: Algorithm): number {
  const mac = hmac(normaliseAlgorithm(algorithm), secret, counterBytes(counter));
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const view = new DataView(mac.buffer, mac.byteOffset, mac.byteLength);
  return view.getUint32(offset, false) & 0x7fffffff;
}

/**
 * An HOTP code of 4–10 digits with leading zeros kept. Ten digits show the whole 31-bit value
 * (it is below 2^31 < 10^10), so the same `value mod 10^digits` rule covers every length.
 * @see RFC 4226 §5.3
 */
export function hotp(secret: Uint8Array, counter: bigint, algorithm: Algorithm, digits: number): string {
  const d = checkDigits(digits);
  const value = truncatedValue(secret, counter, algorithm);
  return String(value % 10 ** d).padStart(d, '0');
}
