import type { ImportResult } from '../import/import-result';
import { readAegisDb } from './aegis-entries';
import { openGcm, scryptKey } from './crypto';
import { damaged, passwordNeeded, wrongPassword, type ImportFormat } from './format';
import { isObject, parseJsonText, parseJsonBytes, type JsonObject } from './json-input';
import { checkScrypt, checkSlotCount } from './kdf-limits';

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
  return openGcmOrNull(key, hex(nonce), ciphertext, hex(tag));
}

function openGcmOrNull(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array) {
  return openGcm(key, { nonce, ciphertext, tag });
}

function hex(text: string): Buffer {
  if (!/^(?:[0-9a-f]{2})*$/iu.test(text)) throw damaged(LABEL, 'a hexadecimal field is not hexadecimal');
  return Buffer.from(text, 'hex');
}
