import { argon2id } from 'hash-wasm';
import type { Token } from '../../../shared/otp-types';
import { pbkdf2, sealCbc, sealGcm } from './fixture-crypto';
import { base32, json } from './fixture-encoding';
import type { Randomness } from './seeded';

// Stratum (Authenticator Pro) backups, written from formats-more.md "Stratum" (the table of
// layouts, from Stratum.Core StrongBackupEncryption.cs and LegacyBackupEncryption.cs, and Aegis's
// stratum_plain.json). The Argon2id key comes from hash-wasm, a library, not Keyfob's reader.

const TYPE = { hotp: 1, totp: 2, steam: 4 } as const;
const ALGORITHM = { SHA1: 0, SHA256: 1, SHA512: 2 } as const;
const STRONG = {
  header: 'AUTHENTICATORPRO',
  saltBytes: 16,
  ivBytes: 12,
  iterations: 3,
  memoryKiB: 65_536,
  parallelism: 4,
};
const LEGACY = { header: 'AuthenticatorPro', saltBytes: 20, ivBytes: 16, iterations: 64_000 };

/** Stratum's backup JSON as its C# serializer writes it (PascalCase, nulls spelled out). */
export function stratumJson(tokens: readonly Token[]): string {
  return json({
    Authenticators: tokens.map((t, i) => ({
      Type: TYPE[t.type],
      Icon: null,
      Issuer: t.issuer,
      Username: t.account === '' ? null : t.account,
      Secret: base32(t.secret),
      Pin: null,
      Algorithm: ALGORITHM[t.algorithm],
      Digits: t.digits,
      Period: t.period,
      Counter: t.counter,
      Ranking: i,
      CopyCount: 0,
    })),
    Categories: [],
    AuthenticatorCategories: [],
    CustomIcons: [],
  });
}

/** The current encrypted backup: header ‖ salt ‖ IV ‖ AES-256-GCM ciphertext ‖ tag, Argon2id key. */
export async function writeStratumEncrypted(
  tokens: readonly Token[],
  password: string,
  random: Randomness,
): Promise<Buffer> {
  const salt = random.bytes(STRONG.saltBytes);
  const iv = random.bytes(STRONG.ivBytes);
  const key = await argon2id({
    password,
    salt,
    iterations: STRONG.iterations,
    memorySize: STRONG.memoryKiB,
    parallelism: STRONG.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const sealed = sealGcm(key, iv, Buffer.from(stratumJson(tokens), 'utf8'));
  return Buffer.concat([Buffer.from(STRONG.header, 'latin1'), salt, iv, sealed.ciphertext, sealed.tag]);
}

/** Authenticator Pro's legacy encrypted backup: header ‖ salt ‖ IV ‖ AES-256-CBC, PBKDF2-SHA1 key. */
export function writeStratumLegacy(tokens: readonly Token[], password: string, random: Randomness): Buffer {
  const salt = random.bytes(LEGACY.saltBytes);
  const iv = random.bytes(LEGACY.ivBytes);
  const key = pbkdf2(password, salt, LEGACY.iterations, 'sha1');
  const ciphertext = sealCbc(key, iv, Buffer.from(stratumJson(tokens), 'utf8'));
  return Buffer.concat([Buffer.from(LEGACY.header, 'latin1'), salt, iv, ciphertext]);
}
