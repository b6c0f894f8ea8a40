import { generateCode } from '../electron/core';
import type { Algorithm, OtpType } from '../shared/otp-types';

/** Codes per second of the pure engine, per kind of token. Prints one JSON line per case. */
function bench(type: OtpType, algorithm: Algorithm, digits: number): void {
  const secret = new Uint8Array(algorithm === 'SHA512' ? 64 : algorithm === 'SHA256' ? 32 : 20).map(
    (_, i) => i * 7 + 1,
  );
  const token = { secret, type, algorithm, digits, period: 30, counter: 0n };
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  // Run for ~1 s; vary the time so every call does a fresh HMAC.
  while (t - t0 < 1000) {
    for (let i = 0; i < 1000; i++) generateCode({ ...token, counter: BigInt(n + i) }, (n + i) * 30_000);
    n += 1000;
    t = performance.now();
  }
  const perSecond = Math.round((n * 1000) / (t - t0));
  console.log(
    JSON.stringify({
      metric: `engine.codes_per_second.${type}.${algorithm}.${digits}`,
      value: perSecond,
      unit: 'codes/s',
    }),
  );
}

bench('totp', 'SHA1', 6);
bench('totp', 'SHA256', 8);
bench('totp', 'SHA512', 8);
bench('hotp', 'SHA1', 6);
bench('steam', 'SHA1', 5);
