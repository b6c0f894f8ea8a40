import { randomBytes, randomUUID } from 'node:crypto';
import type { Token } from '../../shared/otp-types';
import { aegisDb, readAegisDb } from './aegis-db';
import { openGcm, scryptKey, sealGcm } from './crypto';
import { damaged, passwordNeeded, wrongPassword, type ImportFormat, type ImportResult } from './format';
import { isObject, parseJsonText, parseJsonBytes, stringifyWithBigints, type JsonObject } from './json-input';
import { checkScrypt, checkSlotCount } from './kdf-limits';

// Aegis vault files, read and written: the file around the content (plain, or encrypted with a
// password slot); the content's entries are aegis-db.ts.

const LABEL = 'Aegis backup';

/** The parsed top level `{ version: 1, header: { slots, params }, db }`, or undefined if it isn't one. */
function vaultFile(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  if (!isObject(doc) || !isObject(doc['header']) || !('db' in doc)) return undefined;
  return doc;
}

function encrypted(doc: JsonObject): boolean {
  const header = doc['header'] as JsonObject;
  return header['slots'] !== null && header['slots'] !== undefined;
}

/**
 * Aegis vault files, plain and encrypted. Decryption follows Aegis's docs/vault.md: for each password
 * slot (type 1) `kek = scrypt(password, salt, n, r, p, 32)`, master key = AES-256-GCM-open(kek,
 * key_params.nonce, key ‖ key_params.tag); then db = AES-256-GCM-open(master, header.params.nonce,
 * base64(db) ‖ header.params.tag). No slot opens → wrong password; slot opens but db doesn't → damaged.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */
export const aegisFormat: ImportFormat = {
  id: 'aegis',
  label: LABEL,
  detect(_fileName, bytes) {
    const doc = vaultFile(bytes);
    return doc !== undefined && doc['version'] === 1 ? 1 : 0;
  },
  needsPassword(bytes) {
    const doc = vaultFile(bytes);
    return doc !== undefined && encrypted(doc);
  },
  async read(bytes, { password, sourceName }): Promise<ImportResult> {
    const doc = vaultFile(bytes);
    if (doc === undefined) throw damaged(LABEL, 'it is not an Aegis vault file (JSON with header and db)');
    if (typeof doc['version'] === 'number' && doc['version'] > 1) {
      throw damaged(LABEL, `its file version ${doc['version']} is newer than Keyfob knows`);
    }
    if (!encrypted(doc)) return readAegisDb(doc['db'], sourceName);
    if (password === undefined) throw passwordNeeded(LABEL);
    const plain = await decryptDb(doc, password);
    return readAegisDb(parseJsonText(plain), sourceName);
  },
};

async function decryptDb(doc: JsonObject, password: string): Promise<string> {
  const header = doc['header'] as JsonObject;
  const slots = header['slots'];
  const params = header['params'];
  if (!Array.isArray(slots) || !isObject(params) || typeof doc['db'] !== 'string') {
    throw damaged(LABEL, 'its header has no key slots or no encryption parameters');
  }
  const passwordSlots = slots.filter((s): s is JsonObject => isObject(s) && s['type'] === 1);
  if (passwordSlots.length === 0) {
    throw damaged(LABEL, 'it has no password slot (it can only be opened with a fingerprint on the phone)');
  }
  // Every slot's parameters are checked before the first derivation: a file is refused whole.
  checkSlotCount(LABEL, passwordSlots.length);
  const checked = passwordSlots.map(slotParams);
  let master: Uint8Array | null = null;
  for (const slot of checked) {
    master = await openSlot(slot, password);
    if (master !== null) break;
  }
  if (master === null) throw wrongPassword(LABEL);
  const db = openWith(master, params, Buffer.from(doc['db'], 'base64'));
  if (db === null) throw damaged(LABEL, 'its contents fail the integrity check');
  return Buffer.from(db).toString('utf8');
}

/** A password slot's fields, checked: scrypt parameters within kdf-limits.ts, salt and key present. */
interface PasswordSlot {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
  keyParams: JsonObject;
}

function slotParams(slot: JsonObject): PasswordSlot {
  const { n, r, p, salt, key, key_params: keyParams } = slot;
  if (typeof n !== 'number' || typeof r !== 'number' || typeof p !== 'number') {
    throw damaged(LABEL, 'a password slot has no scrypt parameters');
  }
  checkScrypt(LABEL, n, r, p);
  if (typeof salt !== 'string' || typeof key !== 'string' || !isObject(keyParams)) {
    throw damaged(LABEL, 'a password slot has no salt or key');
  }
  return { n, r, p, salt: hex(salt), key: hex(key), keyParams };
}

async function openSlot(slot: PasswordSlot, password: string): Promise<Uint8Array | null> {
  const kek = await scryptKey(password, slot.salt, slot.n, slot.r, slot.p);
  return openWith(kek, slot.keyParams, slot.key);
}

function openWith(key: Uint8Array, params: JsonObject, ciphertext: Uint8Array): Uint8Array | null {
  const { nonce, tag } = params;
  if (typeof nonce !== 'string' || typeof tag !== 'string') {
    throw damaged(LABEL, 'its encryption parameters have no nonce or tag');
  }
  return openGcm(key, { nonce: hex(nonce), ciphertext, tag: hex(tag) });
}

function hex(text: string): Buffer {
  if (!/^(?:[0-9a-f]{2})*$/iu.test(text)) throw damaged(LABEL, 'a hexadecimal field is not hexadecimal');
  return Buffer.from(text, 'hex');
}

/** Aegis's password-slot scrypt parameters (its docs/vault.md "KDF"): N = 2^15, r = 8, p = 1. */
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
 * the scrypt-derived key. `repaired: true` says the password was encoded as plain UTF-8 (older
 * Aegis versions encoded it otherwise); `is_backup: false` as Aegis writes for a normal password slot.
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
    key: toHex(wrapped.ciphertext),
    key_params: { nonce: toHex(wrapped.nonce), tag: toHex(wrapped.tag) },
    n: AEGIS_SCRYPT.n,
    r: AEGIS_SCRYPT.r,
    p: AEGIS_SCRYPT.p,
    salt: toHex(salt),
    repaired: true,
    is_backup: false,
  };
  const file = {
    version: 1,
    header: { slots: [slot], params: { nonce: toHex(content.nonce), tag: toHex(content.tag) } },
    db: Buffer.from(content.ciphertext).toString('base64'),
  };
  return `${JSON.stringify(file, null, 4)}\n`;
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
