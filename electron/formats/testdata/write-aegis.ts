import { scryptSync } from 'node:crypto';
import type { Token } from '../../../shared/otp-types';
import { sealGcm } from './fixture-crypto';
import { base32, base64, hex, json } from './fixture-encoding';
import type { Randomness } from './seeded';

// Aegis vault files, field by field from Aegis's docs/vault.md and its own test vaults
// (app/src/test/resources/…/importers/aegis_plain.json, aegis_encrypted.json, and
// …/vault/aegis_plain_grouped_v2.json), never from Keyfob's Aegis reader or exporter.

/** Password-slot KDF (Aegis's docs/vault.md "KDF"): scrypt N = 2^15, r = 8, p = 1, 256-bit key and salt. */
const SCRYPT = { n: 2 ** 15, r: 8, p: 1, keyBytes: 32, saltBytes: 32 };
/** Aegis's docs/vault.md "AEAD": AES-256-GCM with a random 96-bit nonce; the master key is 256 bits. */
const MASTER_KEY_BYTES = 32;
const NONCE_BYTES = 12;
/** Slot type ids (Aegis's docs/vault.md "Slots"): 0 raw, 1 password, 2 biometric. */
const PASSWORD_SLOT = 1;

/** Which group (if any) each canonical account is put in, to exercise group parsing. */
const GROUP_OF: Record<string, string | undefined> = {
  github: 'Work',
  aws: 'Work',
  vpn: 'Work',
  bank: 'Private',
};

/**
 * The content ("db") object of one content version, as Aegis wrote it over time:
 * v1 — entries `{type, uuid, name, issuer, icon, info}` (aegis_plain.json);
 * v2 — adds `icon_mime` and `group`, a group name or null (aegis_plain_grouped_v2.json);
 * v3 — top-level `groups: [{uuid, name}]`, entries with note, favorite and `groups: [uuid…]`
 * (VaultEntry.toJson, Vault.java), plus `icons_optimized`.
 * `info` is `{secret (base32, no padding), algo, digits, period | counter}` (Aegis's docs/vault.md "Entries").
 */
export function aegisDb(
  version: 1 | 2 | 3,
  tokens: readonly Token[],
  keys: readonly string[],
  random: Randomness,
) {
  const groups = ['Work', 'Private'].map((name) => ({ uuid: random.uuid(), name }));
  const entries = tokens.map((t, i) => {
    const info = {
      secret: base32(t.secret),
      algo: t.algorithm,
      digits: t.digits,
      ...(t.type === 'hotp' ? { counter: t.counter } : { period: t.period }),
    };
    const head = { type: t.type, uuid: random.uuid(), name: t.account, issuer: t.issuer };
    const group = GROUP_OF[keys[i] ?? ''];
    if (version === 1) return { ...head, icon: null, info };
    if (version === 2) return { ...head, icon: null, icon_mime: null, group: group ?? null, info };
    const inGroups = groups.filter((g) => g.name === group).map((g) => g.uuid);
    return { ...head, note: '', favorite: false, icon: null, info, groups: inGroups };
  });
  return version === 3 ? { version, entries, groups, icons_optimized: true } : { version, entries };
}

/** A plain vault: `header.slots` and `header.params` null, `db` the content object; 4-space indent. */
export function aegisPlainFile(db: unknown): string {
  return `${json({ version: 1, header: { slots: null, params: null }, db }, 4)}\n`;
}

/** A plain vault of content version 3 holding `tokens`, none grouped (for large test files). */
export function writeAegisPlain(tokens: readonly Token[], random: Randomness): string {
  return aegisPlainFile(aegisDb(3, tokens, [], random));
}

/**
 * An encrypted vault (Aegis's docs/vault.md "Encryption", "Password"): a random master key seals the content
 * JSON; one password slot holds the master key sealed under scrypt(password, salt). Nonces, tags,
 * keys and salts are hex; `db` is base64 with padding. `repaired: true` marks a password taken as
 * plain UTF-8 and `is_backup: false` a normal slot (PasswordSlot.java, Slot.java).
 */
export function aegisEncryptedFile(db: unknown, password: string, random: Randomness): string {
  const master = random.bytes(MASTER_KEY_BYTES);
  const salt = random.bytes(SCRYPT.saltBytes);
  const { n, r, p } = SCRYPT;
  const kek = scryptSync(password, salt, SCRYPT.keyBytes, { N: n, r, p, maxmem: 256 * n * r });
  const wrapNonce = random.bytes(NONCE_BYTES);
  const wrapped = sealGcm(kek, wrapNonce, master);
  const nonce = random.bytes(NONCE_BYTES);
  const content = sealGcm(master, nonce, Buffer.from(json(db, 4), 'utf8'));
  const slot = {
    type: PASSWORD_SLOT,
    uuid: random.uuid(),
    key: hex(wrapped.ciphertext),
    key_params: { nonce: hex(wrapNonce), tag: hex(wrapped.tag) },
    n,
    r,
    p,
    salt: hex(salt),
    repaired: true,
    is_backup: false,
  };
  const header = { slots: [slot], params: { nonce: hex(nonce), tag: hex(content.tag) } };
  return `${JSON.stringify({ version: 1, header, db: base64(content.ciphertext) }, null, 4)}\n`;
}
