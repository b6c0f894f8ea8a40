import type { Algorithm, Token } from '../../../shared/otp-types';

/** 1000 accounts cycling through every type, algorithm, digit count, period and counter range. */
export function thousandAccounts(): Token[] {
  const algorithms: Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
  const counters = [0n, 1n, 41n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 64n - 1n];
  return Array.from({ length: 1000 }, (_, i) => {
    const type = (['totp', 'hotp', 'steam'] as const)[i % 3] ?? 'totp';
    const secret = new Uint8Array(10 + (i % 55)).map((_b, j) => (i * 131 + j * 17) & 0xff);
    const base = {
      issuer: i % 7 === 0 ? '' : `Issuer ${i % 37}: “${i}”`,
      account: `user${i}@exämple.com`,
      secret,
    };
    if (type === 'steam') return { ...base, type, algorithm: 'SHA1', digits: 5, period: 30, counter: 0n };
    return {
      ...base,
      type,
      algorithm: algorithms[i % 3] ?? 'SHA1',
      digits: 4 + (i % 7),
      period: type === 'hotp' ? 30 : ([30, 60, 15, 86_400][i % 4] ?? 30),
      counter: type === 'hotp' ? (counters[i % counters.length] ?? 0n) : 0n,
    };
  });
}
