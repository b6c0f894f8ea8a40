/** A small seeded PRNG (mulberry32) so randomised tests reproduce from the seed they print. */
export interface SeededRandom {
  seed: number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform bigint in [0, max]. */
  bigint(max: bigint): bigint;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
}

/** Seed from `KEYFOB_TEST_SEED` when set (to replay a failure), otherwise a fresh one. */
export function testSeed(): number {
  const fromEnv = Number(process.env['KEYFOB_TEST_SEED']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** A PRNG whose whole sequence is determined by `seed`. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    bigint(max) {
      let value = 0n;
      for (let i = 0; i < 4; i++) value = (value << 16n) | BigInt(int(0, 0xffff));
      return value % (max + 1n);
    },
    pick: (items) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
  };
}
