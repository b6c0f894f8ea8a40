import { pbkdf2Sync } from 'node:crypto';
import type { Token } from '../../../shared/otp-types';
import { base32Encode, formatKeyUri } from '../../core';
import type { Randomness } from '../aegis';
import { sealGcm } from '../crypto';
import { stringifyWithBigints } from '../json-input';
import { ANDOTP } from '../andotp';
import { TWOFAS_PBKDF2_ITERATIONS, TWOFAS_REFERENCE } from '../twofas';
import { freeOtpId } from '../freeotp-plus';

const B32 = (t: Token): string => base32Encode(t.secret);

/**
 * A 2FAS `.2fas` backup as 2FAS for Android writes it (field set as in Aegis's real 2FAS test exports):
 * schema 1 has no `tokenType` (so only TOTP accounts fit), 2–4 add tokenType, counter and `link`.
 * Encrypted (schema 4): services [] and `servicesEncrypted` = base64(ct‖tag):base64(salt):base64(iv).
 */
export function write2fas(
  tokens: readonly Token[],
  schema: 1 | 2 | 3 | 4,
  random: Randomness,
  password?: string,
): string {
  const services = tokens.map((t, position) => {
    const otp: Record<string, unknown> = {
      ...(schema >= 2 ? { link: formatKeyUri(t) } : {}),
      label: t.account,
      account: t.account,
      issuer: t.issuer,
      digits: t.digits,
      ...(t.type === 'hotp' ? { counter: t.counter } : { period: t.period }),
      algorithm: t.algorithm,
      ...(schema >= 2 ? { tokenType: t.type.toUpperCase(), source: 'Link' } : {}),
    };
    return {
      name: t.issuer,
      secret: B32(t),
      updatedAt: 1_700_000_000_000 + position,
      otp,
      order: { position },
      icon: {
        selected: 'Label',
        label: { text: t.issuer.slice(0, 2).toUpperCase(), backgroundColor: 'Default' },
      },
    };
  });
  const top: Record<string, unknown> = {
    services,
    groups: [],
    updatedAt: 1_700_000_000_000,
    schemaVersion: schema,
    appVersionCode: 5_000_009,
    appVersionName: '5.1.0',
    appOrigin: 'android',
  };
  if (password === undefined) return stringifyWithBigints(top);
  const salt = random.bytes(256);
  const key = pbkdf2Sync(password, salt, TWOFAS_PBKDF2_ITERATIONS, 32, 'sha256');
  const seal = (text: string): string => {
    const s = sealGcm(key, Buffer.from(text, 'utf8'), random.bytes(12));
    const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
    return `${b64(Buffer.concat([s.ciphertext, s.tag]))}:${b64(salt)}:${b64(s.nonce)}`;
  };
  return stringifyWithBigints({
    ...top,
    services: [],
    servicesEncrypted: seal(stringifyWithBigints(services)),
    reference: seal(TWOFAS_REFERENCE),
  });
}

/** andOTP's entry JSON (Entry.toJSON): base32 with padding (Apache Commons), period only for TOTP. */
function andotpEntry(t: Token): Record<string, unknown> {
  const padded = B32(t).padEnd(Math.ceil(B32(t).length / 8) * 8, '=');
  return {
    secret: padded,
    issuer: t.issuer,
    label: t.account,
    digits: t.digits,
    type: t.type.toUpperCase(),
    algorithm: t.algorithm,
    thumbnail: 'Default',
    last_used: 0,
    used_frequency: 0,
    ...(t.type === 'totp' ? { period: t.period } : {}),
    ...(t.type === 'hotp' ? { counter: t.counter } : {}),
    tags: [],
  };
}

/** An andOTP backup: JSON array, or (with a password) iterations ‖ salt ‖ nonce ‖ AES-256-GCM(json) ‖ tag. */
export function writeAndotp(tokens: readonly Token[], random: Randomness, password?: string): Uint8Array {
  const json = Buffer.from(stringifyWithBigints(tokens.map(andotpEntry)), 'utf8');
  if (password === undefined) return json;
  const iterations = ANDOTP.minIterations + 10_000;
  const salt = random.bytes(ANDOTP.saltBytes);
  const key = pbkdf2Sync(password, salt, iterations, 32, 'sha1');
  const s = sealGcm(key, json, random.bytes(ANDOTP.nonceBytes));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(iterations);
  return Buffer.concat([head, salt, s.nonce, s.ciphertext, s.tag]);
}

/**
 * A FreeOTP+ JSON export: signed-byte secrets, HOTP counter minus one, Steam as TOTP with issuer
 * "Steam". `tokens` are written in reverse and `tokenOrder` gives the real order, as after reordering.
 */
export function writeFreeOtpPlus(tokens: readonly Token[]): string {
  const out = tokens.map((t) => ({
    algo: t.algorithm,
    counter: t.type === 'hotp' ? t.counter - 1n : 0,
    digits: t.digits,
    issuerExt: t.issuer,
    issuerInt: t.issuer,
    label: t.account,
    period: t.period,
    secret: Array.from(t.secret, (b) => (b > 127 ? b - 256 : b)),
    type: t.type === 'hotp' ? 'HOTP' : 'TOTP',
  }));
  return stringifyWithBigints({
    tokenOrder: tokens.map((t) => freeOtpId(t.issuer, t.account)),
    tokens: out.reverse(),
  });
}
