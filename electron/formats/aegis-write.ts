import { randomBytes, randomUUID } from 'node:crypto';
import type { Token } from '../../shared/otp-types';
import { aegisDb } from './aegis-entries';
import { scryptKey, sealGcm } from './crypto';
import { stringifyWithBigints } from './json-input';

/** Aegis's password-slot scrypt parameters (docs/vault.md "KDF"): N = 2^15, r = 8, p = 1. */
export const AEGIS_SCRYPT = { n: 32768, r: 8, p: 1 } as const;

/** A plain Aegis vault file (`header.slots` and `header.params` null), indented by 4 as Aegis writes it. */
export function writeAegisPlain(tokens: readonly Token[]): string {
  return aegisPlainFile(aegisDb(tokens));
}

/** A plain vault file around a content object (the fixture maker passes v1/v2 contents too). */
export function aegisPlainFile(db: unknown): string {
  return `${stringifyWithBigints({ version: 1, header: { slots: null, params: null }, db }, 4)}\n`;
}

/** Where an encrypted export takes its randomness (tests and fixtures pass a seeded one). */
export interface Randomness {
  bytes(n: number): Uint8Array;
  uuid(): string;
}

const SYSTEM_RANDOM: Randomness = { bytes: (n) => randomBytes(n), uuid: () => randomUUID() };

/**
 * An encrypted Aegis vault file, field by field as Aegis's docs/vault.md specifies: a random 256-bit
 * master key encrypts the content (AES-256-GCM, random 96-bit nonce, no AAD; `db` is base64 with
 * padding, nonce and tag in `header.params` as hex); one password slot (type 1, random UUID v4,
 * random 256-bit salt, scrypt N=32768 r=8 p=1) holds the master key wrapped with AES-256-GCM under
 * the scrypt-derived key. `repaired: true` says the password was encoded as plain UTF-8 (Aegis issue
 * #95); `is_backup: false` as Aegis writes for a normal password slot.
 */
export async function writeAegisEncrypted(
  tokens: readonly Token[],
  password: string,
  random: Randomness = SYSTEM_RANDOM,
): Promise<string> {
  return aegisEncryptedFile(aegisDb(tokens, random.uuid), password, random);
}

/** An encrypted vault file around a content object. */
export async function aegisEncryptedFile(db: unknown, password: string, random: Randomness = SYSTEM_RANDOM) {
  const master = random.bytes(32);
  const salt = random.bytes(32);
  const kek = await scryptKey(password, salt, AEGIS_SCRYPT.n, AEGIS_SCRYPT.r, AEGIS_SCRYPT.p);
  const wrapped = sealGcm(kek, master, random.bytes(12));
  const content = sealGcm(master, Buffer.from(stringifyWithBigints(db, 4), 'utf8'), random.bytes(12));
  const slot = {
    type: 1,
    uuid: random.uuid(),
    key: hex(wrapped.ciphertext),
    key_params: { nonce: hex(wrapped.nonce), tag: hex(wrapped.tag) },
    n: AEGIS_SCRYPT.n,
    r: AEGIS_SCRYPT.r,
    p: AEGIS_SCRYPT.p,
    salt: hex(salt),
    repaired: true,
    is_backup: false,
  };
  const file = {
    version: 1,
    header: { slots: [slot], params: { nonce: hex(content.nonce), tag: hex(content.tag) } },
    db: Buffer.from(content.ciphertext).toString('base64'),
  };
  return `${JSON.stringify(file, null, 4)}\n`;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
