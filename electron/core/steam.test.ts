import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCode, parseKeyUri, steam } from './index';
import { seededRandom, testSeed } from '../../test-support/core/seeded-random';

/** Steam Guard written independently from the core: node:crypto HMAC, Buffer reads, the steps spelled out. */
function referenceSteam(secret: Uint8Array, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  let v = mac.readUInt32BE((mac[mac.length - 1] ?? 0) & 0x0f) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += '23456789BCDFGHJKMNPQRTVWXY'.charAt(v % 26);
    v = Math.floor(v / 26);
  }
  return code;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Steam Guard codes', () => {
  // Published vectors: bukson/steampy test/test_guard.py (shared_secret = base64 of the ASCII text),
  // MAKS11060/otp src/steamTotp.test.ts (20 zero bytes, counters 0 and 1).
  it.each([
    { source: 'steampy', secret: ascii('1234567890abcdefghij'), atMs: 1_469_184_207_000, code: 'P2QJN' },
    { source: 'MAKS11060/otp', secret: new Uint8Array(20), atMs: 0, code: 'RYH4D' },
    { source: 'MAKS11060/otp', secret: new Uint8Array(20), atMs: 30_000, code: 'DR2DK' },
    { source: 'MAKS11060/otp', secret: new Uint8Array(20), atMs: 59_999, code: 'DR2DK' },
  ])('$source vector → $code', ({ secret, atMs, code }) => {
    expect(steam(secret, atMs)).toBe(code);
  });

  it('matches an independent node:crypto formulation on 500 random secrets and times', () => {
    const seed = testSeed();
    const rnd = seededRandom(seed);
    for (let i = 0; i < 500; i++) {
      const secret = rnd.bytes(rnd.int(1, 64));
      const atMs = Math.floor(rnd.next() * 2 ** 42) * 1000 + rnd.int(0, 999);
      expect(steam(secret, atMs), `seed ${seed}, case ${i}`).toBe(referenceSteam(secret, atMs));
    }
  });

  it('uses only the 26-letter alphabet and five characters', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      expect(steam(rnd.bytes(20), rnd.int(0, 2 ** 31) * 1000)).toMatch(/^[2-9BCDFGHJKMNPQRTVWXY]{5}$/u);
    }
  });

  it('generateCode ignores a stray period/digits on a Steam token and reports the 30 s window', () => {
    const secret = ascii('1234567890abcdefghij');
    const token = { secret, type: 'steam', algorithm: 'SHA512', digits: 8, period: 60, counter: 0n } as const;
    expect(generateCode(token, 1_469_184_207_000)).toEqual({
      code: 'P2QJN',
      validFromMs: 1_469_184_180_000,
      validUntilMs: 1_469_184_210_000,
    });
  });

  it('produces the same code from all three URI spellings', () => {
    const at = 1_469_184_207_000;
    const b32 = 'GEZDGNBVGY3TQOJQMFRGGZDFMZTWQ2LK'; // "1234567890abcdefghij"
    for (const uri of [
      `otpauth://steam/Steam:me?secret=${b32}`,
      `otpauth://totp/Steam:me?secret=${b32}&encoder=steam`,
      `steam://${b32}`,
    ]) {
      expect(generateCode(parseKeyUri(uri), at).code, uri).toBe('P2QJN');
    }
  });
});
