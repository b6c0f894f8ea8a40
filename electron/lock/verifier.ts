import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { KeyfobError } from '../../shared/errors';
import { LOCK_VERIFIER_ID } from '../vault/keytar-store';

/** scrypt's cost: N = 2^ln, block size r, parallelism p. */
export interface ScryptCost {
  ln: number;
  r: number;
  p: number;
}

/** The lock's cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s per check), the common interactive setting. */
export const LOCK_COST: ScryptCost = { ln: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** What a stored verifier may ask for at most, so a tampered item cannot make a check run for minutes. */
const MAX_COST: ScryptCost = { ln: 20, r: 16, p: 4 };
const B64 = /^[A-Za-z0-9+/]+$/u;

/**
 * A verifier for `password`: a fresh random salt, the scrypt cost and the derived hash as a PHC
 * string (`$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, unpadded base64). Never the password itself; the
 * password is NFC-normalised first so the same characters typed another way still match.
 */
export async function makeVerifier(password: string, cost: ScryptCost = LOCK_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, cost);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(hash)}`;
}

/** Whether `password` matches `verifier` (compared in constant time); throws when the verifier is damaged. */
export async function passwordMatches(password: string, verifier: string): Promise<boolean> {
  const { cost, salt, hash } = parseVerifier(verifier);
  return timingSafeEqual(await derive(password, salt, cost), hash);
}

/** The parts of a stored verifier; a `storage-unavailable` error saying how to recover when it is damaged. */
export function parseVerifier(verifier: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } {
  const parts = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([^$]+)\$([^$]+)$/u.exec(verifier);
  const cost = parts ? { ln: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) } : null;
  const salt = parts?.[4] ?? '';
  const hash = parts?.[5] ?? '';
  if (
    cost === null ||
    !within(cost, MAX_COST) ||
    !B64.test(salt) ||
    !B64.test(hash) ||
    Buffer.from(salt, 'base64').length < SALT_BYTES ||
    Buffer.from(hash, 'base64').length !== HASH_BYTES
  ) {
    throw new KeyfobError(
      'storage-unavailable',
      "The lock's password record in the keychain is damaged. Delete Keyfob's keychain item " +
        `'${LOCK_VERIFIER_ID}' to turn the lock off, then set a new password.`,
    );
  }
  return { cost, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

function within(cost: ScryptCost, max: ScryptCost): boolean {
  return (
    cost.ln >= 10 && cost.ln <= max.ln && cost.r >= 1 && cost.r <= max.r && cost.p >= 1 && cost.p <= max.p
  );
}

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** ln;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, HASH_BYTES, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/u, '');
}
