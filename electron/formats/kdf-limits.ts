import { damaged } from './format';

// Limits on the key-derivation parameters a backup file names, checked before deriving: a file
// that asks for gigabytes of memory or minutes of work is not one the apps write, and refusing it
// up front keeps a wrong or hostile file from holding the machine.

/**
 * Most scrypt memory (128·N·r bytes) an Aegis password slot may ask for. Aegis writes N = 2^15,
 * r = 8, p = 1 (32 MiB); this allows eight times that.
 */
export const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

/** Most scrypt work N·r·p: eight times Aegis's 2^18, about 0.7 s on a laptop core. */
export const MAX_SCRYPT_WORK = 2 ** 21;

/** Aegis's own N·r·p, the unit the messages count in. */
const AEGIS_WORK = 2 ** 18;

/** Password slots tried per file: Aegis writes one (plus at most one backup password slot). */
export const MAX_PASSWORD_SLOTS = 4;

/**
 * Most PBKDF2 iterations an andOTP backup may name: andOTP picks 140,000–160,000, so this is six
 * times its maximum (Aegis allows 10,000,000, which takes about 4 s with SHA-1 on a laptop core).
 */
export const MAX_ANDOTP_ITERATIONS = 1_000_000;

/**
 * Most PBKDF2 iterations any other backup may name (FreeOTP 2 writes 100,000): ten times that,
 * about 1.5 s with SHA-512 on a laptop core.
 */
export const MAX_PBKDF2_ITERATIONS = 1_000_000;

/**
 * Most Argon2id memory (KiB) and passes a backup may ask for: Stratum uses 64 MiB and 3 passes
 * (4 lanes); four times the memory and ten times the passes are allowed.
 */
export const ARGON2_LIMITS = { memoryKiB: 256 * 1024, iterations: 30, parallelism: 16 } as const;

/**
 * Most encrypted maFiles one Steam Desktop Authenticator manifest may make Keyfob decrypt: each
 * costs 50,000 PBKDF2-SHA1 iterations (≈ 20 ms), so 100 take about 2 s; people keep a handful.
 */
export const MAX_SDA_KEYS = 100;

/** Most bytes the maFiles beside one manifest may add up to (they are a few KB each). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/** Throws a "damaged" error for `label` unless N, r and p are scrypt parameters the apps could write. */
export function checkScrypt(label: string, n: number, r: number, p: number): void {
  if (!Number.isSafeInteger(n) || n < 2 || !Number.isInteger(Math.log2(n))) {
    throw damaged(label, `a password slot's scrypt N is ${n}, not a power of two from 2 up`);
  }
  for (const [name, v] of [
    ['r', r],
    ['p', p],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 1) {
      throw damaged(label, `a password slot's scrypt ${name} is ${v}, not a whole number from 1 up`);
    }
  }
  const memory = 128 * n * r;
  if (memory > MAX_SCRYPT_MEMORY) {
    throw damaged(
      label,
      `a password slot asks for ${mib(memory)} MiB of scrypt memory (N=${n}, r=${r}); ` +
        `Aegis uses 32 MiB and Keyfob allows at most ${mib(MAX_SCRYPT_MEMORY)} MiB`,
    );
  }
  if (n * r * p > MAX_SCRYPT_WORK) {
    throw damaged(
      label,
      `a password slot asks for ${times(n * r * p)} times the scrypt work Aegis uses (N=${n}, r=${r}, ` +
        `p=${p}); Keyfob allows at most ${MAX_SCRYPT_WORK / AEGIS_WORK} times`,
    );
  }
}

/** Throws unless `count` password slots are few enough to try. */
export function checkSlotCount(label: string, count: number): void {
  if (count > MAX_PASSWORD_SLOTS) {
    throw damaged(
      label,
      `it has ${count} password slots; Aegis writes one or two and Keyfob tries at most ${MAX_PASSWORD_SLOTS}`,
    );
  }
}

/** Throws unless `iterations` is a PBKDF2 count between 1 and `max`. */
export function checkIterations(label: string, iterations: number, max: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > max) {
    throw damaged(
      label,
      `its key-derivation iteration count (${iterations}) is outside 1–${max.toLocaleString('en-US')}`,
    );
  }
}

/** Throws unless Argon2id's passes, memory and lanes are within {@link ARGON2_LIMITS} (and valid). */
export function checkArgon2(
  label: string,
  params: { iterations: number; memoryKiB: number; parallelism: number },
): void {
  for (const [name, value] of Object.entries(params) as Array<[keyof typeof ARGON2_LIMITS, number]>) {
    const most = ARGON2_LIMITS[name];
    if (!Number.isSafeInteger(value) || value < 1 || value > most) {
      throw damaged(label, `its Argon2id ${name} (${value}) is outside 1–${most.toLocaleString('en-US')}`);
    }
  }
  if (params.memoryKiB < 8 * params.parallelism) {
    throw damaged(label, `its Argon2id memory (${params.memoryKiB} KiB) is less than 8 KiB per lane`);
  }
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

function times(work: number): string {
  return (work / AEGIS_WORK).toLocaleString('en-US', { maximumFractionDigits: 1 });
}
