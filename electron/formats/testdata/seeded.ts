import { createHash } from 'node:crypto';
import type { Randomness } from '../aegis';

/**
 * Deterministic "randomness" for fixtures (SHA-256 in counter mode over a label), so regenerating the
 * fixtures gives the same bytes and git shows no change. Never used outside testdata.
 */
export function seededRandomness(label: string): Randomness {
  let n = 0;
  const bytes = (len: number): Uint8Array => {
    const out = Buffer.alloc(len);
    for (let at = 0; at < len; at += 32) {
      createHash('sha256')
        .update(`${label}/${n++}`)
        .digest()
        .copy(out, at, 0, Math.min(32, len - at));
    }
    return new Uint8Array(out);
  };
  const uuid = (): string => {
    const b = Buffer.from(bytes(16));
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { bytes, uuid };
}
