import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Algorithm } from '../../shared/otp-types';
import { base32Decode, hotp, totp } from './index';

// The RFCs' own test tables (RFC 4226 Appendix D, RFC 6238 Appendix B) as JSON beside the tests.
function readVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as T;
}

interface Rfc6238 {
  vectors: Array<{
    unix: number;
    algorithm: Algorithm;
    digits: number;
    period: number;
    secret_hex: string;
    secret_base32: string;
    expected: string;
  }>;
}
interface Rfc4226 {
  secret_hex: string;
  vectors: Array<{ counter: number; hotp: string }>;
  counter_edge_cases_oathtool: Record<string, string>;
}

const rfc6238 = readVectors<Rfc6238>('rfc6238_appendix_b.json');
const rfc4226 = readVectors<Rfc4226>('rfc4226_appendix_d.json');
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));

describe('RFC 6238 Appendix B (20/32/64-byte seeds)', () => {
  it('has all 18 rows', () => expect(rfc6238.vectors).toHaveLength(18));

  it.each(rfc6238.vectors)('$algorithm at $unix s → $expected', (v) => {
    const params = { algorithm: v.algorithm, digits: v.digits, period: v.period };
    expect(totp(hex(v.secret_hex), params, v.unix * 1000)).toBe(v.expected);
    expect(totp(base32Decode(v.secret_base32), params, v.unix * 1000 + 999)).toBe(v.expected);
  });
});

describe('RFC 4226 Appendix D', () => {
  it.each(rfc4226.vectors)('counter $counter → $hotp', (v) => {
    expect(hotp(hex(rfc4226.secret_hex), BigInt(v.counter), 'SHA1', 6)).toBe(v.hotp);
  });

  // Counters past 2^32 and 2^53 (where a JS number would round) up to 2^64−1, values from oathtool.
  it.each(Object.entries(rfc4226.counter_edge_cases_oathtool).filter(([k]) => /^\d+$/u.test(k)))(
    'counter %s → %s',
    (counter, code) => {
      expect(hotp(hex(rfc4226.secret_hex), BigInt(counter), 'SHA1', 6)).toBe(code);
    },
  );
});
