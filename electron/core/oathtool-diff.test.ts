import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Algorithm } from '../../shared/otp-types';
import { base32Encode, generateCode, hotp, totp } from './index';
import { seededRandom, testSeed } from '../../test-support/core/seeded-random';

// Differential test against oathtool 2.6.7, the reference OATH implementation (/usr/bin/oathtool).
// Every case runs `-w 2`, so each invocation yields three consecutive codes; all invocations go
// through one `sh` process. Replay a failure with KEYFOB_TEST_SEED=<seed printed in the message>.
//
// oathtool's limits, which bound the random parameters: digits 6–8 only; `--hotp` is SHA-1 only, so
// HOTP-SHA256/512 at counter C is checked as TOTP with `-s 1 --now=@C` (the same HMAC input); `--now` parses
// into a signed 64-bit time_t, so those counters stay below 2^63 (`@9223372036854775808` is refused).
// `--hotp -c` takes the full 2^64−1 range (with -w, keep c + 2 below 2^64: oathtool wraps there).

const CASES = 1200;
const WINDOW = 2;
const MAX_TIME_S = 2 ** 42; // atMs stays an exact double; well past 2^32 s

interface Case {
  args: string[];
  /** Our codes for the WINDOW + 1 steps oathtool prints. */
  ours: string[];
  describe: string;
}

function randomTime(rnd: ReturnType<typeof seededRandom>): number {
  const kind = rnd.int(0, 3);
  if (kind === 0) return rnd.int(0, 2 ** 31 - 1);
  if (kind === 1) return 2 ** 32 + rnd.int(-100_000, 100_000); // the 2038/2106 boundaries
  if (kind === 2) return rnd.int(1_700_000_000, 1_900_000_000);
  return Math.floor(rnd.next() * MAX_TIME_S);
}

function randomCounter(rnd: ReturnType<typeof seededRandom>, max: bigint): bigint {
  const kind = rnd.int(0, 3);
  if (kind === 0) return BigInt(rnd.int(0, 1000));
  if (kind === 1) return 2n ** 32n + BigInt(rnd.int(-1000, 1000));
  if (kind === 2) return 2n ** 53n + BigInt(rnd.int(-1000, 1000)); // where a JS number would round
  return max - rnd.bigint(1000n) - BigInt(WINDOW);
}

function makeCase(rnd: ReturnType<typeof seededRandom>): Case {
  const secret = rnd.bytes(rnd.pick([1, 10, 16, 20, 32, 64, rnd.int(1, 200)]));
  const algorithm = rnd.pick<Algorithm>(['SHA1', 'SHA256', 'SHA512']);
  const digits = rnd.int(6, 8);
  const useBase32 = rnd.next() < 0.5; // also cross-checks base32Encode against oathtool's decoder
  const key = useBase32 ? ['-b', base32Encode(secret)] : [Buffer.from(secret).toString('hex')];
  const common = ['-d', String(digits), '-w', String(WINDOW)];
  const steps = Array.from({ length: WINDOW + 1 }, (_, k) => k);
  const mode = rnd.int(0, 2);
  if (mode === 0) {
    const period = rnd.pick([30, 60, 1, 86400, rnd.int(1, 86400)]);
    const atMs = randomTime(rnd) * 1000 + rnd.int(0, 999);
    const nowS = Math.floor(atMs / 1000);
    const ours = steps.map((k) => totp(secret, { algorithm, digits, period }, atMs + k * period * 1000));
    const args = [
      `--totp=${algorithm.toLowerCase()}`,
      '-s',
      String(period),
      `--now=@${nowS}`,
      ...common,
      ...key,
    ];
    return { args, ours, describe: `TOTP ${algorithm} d=${digits} p=${period} at=${atMs}ms` };
  }
  const hotpSha1 = algorithm === 'SHA1';
  const counter = randomCounter(rnd, hotpSha1 ? 2n ** 64n - 1n : 2n ** 63n - 1n);
  const ours = steps.map((k) => hotp(secret, counter + BigInt(k), algorithm, digits));
  const args = hotpSha1
    ? ['--hotp', '-c', counter.toString(), ...common, ...key]
    : [`--totp=${algorithm.toLowerCase()}`, '-s', '1', `--now=@${counter}`, ...common, ...key];
  return { args, ours, describe: `HOTP ${algorithm} d=${digits} c=${counter}` };
}

/** Runs every case in one shell; each case's output follows an `@index` marker line. */
function runOathtool(cases: Case[]): string[][] {
  const script = cases.map((c, i) => `echo @${i}\noathtool ${c.args.join(' ')} 2>&1`).join('\n');
  const out = execFileSync('sh', [], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const results: string[][] = cases.map(() => []);
  let current: string[] | undefined;
  for (const line of out.split('\n')) {
    const marker = /^@(\d+)$/u.exec(line);
    if (marker) current = results[Number(marker[1])];
    else if (line !== '') current?.push(line);
  }
  return results;
}

describe('differential test against oathtool', () => {
  it(`agrees on ${CASES} random parameter sets (× ${WINDOW + 1} steps)`, () => {
    const seed = testSeed();
    const rnd = seededRandom(seed);
    const cases = Array.from({ length: CASES }, () => makeCase(rnd));
    const theirs = runOathtool(cases);
    cases.forEach((c, i) => {
      expect(theirs[i], `seed ${seed}, case ${i}: ${c.describe}`).toEqual(c.ours);
    });
  });

  it('gives generateCode the same TOTP code and a window containing the time', () => {
    const secret = Uint8Array.from(Buffer.from('3132333435363738393031323334353637383930', 'hex'));
    const atMs = (2 ** 32 + 17) * 1000 + 250;
    const expected = execFileSync(
      'oathtool',
      ['--totp', '-s', '45', '-d', '8', `--now=@${2 ** 32 + 17}`, '3132333435363738393031323334353637383930'],
      {
        encoding: 'utf8',
      },
    ).trim();
    const token = { secret, type: 'totp', algorithm: 'SHA1', digits: 8, period: 45, counter: 0n } as const;
    const result = generateCode(token, atMs);
    expect(result.code).toBe(expected);
    expect(result.validFromMs).toBeLessThanOrEqual(atMs);
    expect(result.validUntilMs).toBeGreaterThan(atMs);
    expect((result.validUntilMs ?? 0) - (result.validFromMs ?? 0)).toBe(45_000);
  });
});
