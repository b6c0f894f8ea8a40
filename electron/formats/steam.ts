import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { openCbc, pbkdf2Keys } from './crypto';
import {
  damaged,
  entrySource,
  passwordNeeded,
  textOf,
  wrongPassword,
  type ImportFormat,
  type ImportResult,
  type ReadOptions,
} from './format';
import { checkEntryCount } from './import-limits';
import { fields, isObject, parseJsonBytes, parseJsonText, type JsonObject } from './json-input';
import { MAX_MANIFEST_BYTES, MAX_SDA_KEYS } from './kdf-limits';
import { buildToken, collect, emptyResult } from './token-build';

// Steam Guard secrets as Steam Desktop Authenticator (SDA), steamguard-cli and the Steam app keep
// them. Files: `<steamid>.maFile` (SDA, steamguard-cli), `Steamguard-<steamid>` (Steam for Android
// before 3.0, app data), `{"accounts": {"<id>": {…}}}` (newer Steam app data users dumped), and the
// `manifest.json` listing the maFiles (SDA: `{ encrypted, entries: [{ encryption_iv,
// encryption_salt, filename, steamid }] }`; steamguard-cli: `{ version, entries: [{ filename,
// steam_id, account_name, encryption: { iv, salt, scheme } | null }] }`). Each account's
// `shared_secret` (base64) makes a Steam token; `account_name` names it, issuer Steam.
//
// SDA encrypts each maFile with a passkey: the file is base64 of AES-256-CBC (PKCS#7) under
// PBKDF2-HMAC-SHA1(passkey, salt, 50,000, 256 bits), with the salt (8 bytes) and IV (16 bytes) kept
// in the manifest. Keyfob decrypts when the manifest is beside the file (it reads the folder's
// manifest.json; choosing the manifest itself imports every account it lists). steamguard-cli's
// "LegacySdaCompatible" scheme is the same; its Argon2id scheme is refused with what to do.
// @see formats-more.md "Steam"; Aegis SteamImporter; SDA FileEncryptor.cs, Manifest.cs;
//      steamguard-cli src/accountmanager/{legacy,manifest}.rs, src/encryption.rs

const LABEL = 'Steam authenticator file';
/** SDA's key derivation (FileEncryptor.cs: PBKDF2_ITERATIONS, KEY_SIZE_BYTES). */
export const SDA = { iterations: 50_000 } as const;
const MANIFEST = 'manifest.json';

type Shape = 'account' | 'accounts' | 'manifest' | 'encrypted';

function shapeOf(fileName: string, bytes: Uint8Array): Shape | undefined {
  const doc = parseJsonBytes(bytes);
  if (isObject(doc)) {
    if ('shared_secret' in doc && 'account_name' in doc) return 'account';
    if (isObject(doc['accounts'])) return 'accounts';
    const entries = doc['entries'];
    if (Array.isArray(entries) && entries.some((e) => isObject(e) && typeof e['filename'] === 'string'))
      return 'manifest';
  }
  const text = textOf(bytes.subarray(0, 64)).trim();
  return /\.mafile$/iu.test(fileName) && /^[A-Za-z0-9+/]{16,}/u.test(text) && doc === undefined
    ? 'encrypted'
    : undefined;
}

/** One manifest entry's encryption, or null when its maFile is plain. */
function encryptionOf(entry: JsonObject, manifest: JsonObject): { iv: string; salt: string } | null {
  const sda = entry['encryption_iv'];
  if (typeof sda === 'string' && manifest['encrypted'] === true)
    return { iv: sda, salt: String(entry['encryption_salt'] ?? '') };
  const cli = entry['encryption'];
  if (!isObject(cli)) return null;
  if (cli['scheme'] !== undefined && cli['scheme'] !== 'LegacySdaCompatible') {
    throw damaged(
      LABEL,
      "its maFiles are encrypted with steamguard-cli's Argon2id scheme, which Keyfob does not read; run 'steamguard decrypt' first",
    );
  }
  return { iv: String(cli['iv'] ?? ''), salt: String(cli['salt'] ?? '') };
}

/** Steam maFiles, their manifest, and Steam app data. */
export const steamFormat: ImportFormat = {
  id: 'steam',
  label: LABEL,
  detect(fileName, bytes) {
    const shape = shapeOf(fileName, bytes);
    return shape === undefined ? 0 : shape === 'encrypted' ? 0.9 : 0.95;
  },
  needsPassword(bytes) {
    const doc = parseJsonBytes(bytes);
    if (!isObject(doc)) return doc === undefined;
    const entries = Array.isArray(doc['entries']) ? (doc['entries'] as unknown[]) : [];
    return doc['encrypted'] === true || entries.some((e) => isObject(e) && isObject(e['encryption']));
  },
  async read(bytes, options): Promise<ImportResult> {
    const { sourceName } = options;
    const shape = shapeOf(sourceName, bytes);
    const doc = parseJsonBytes(bytes);
    const result = emptyResult();
    if (shape === 'account') collect(result, entrySource(sourceName, 0), () => steamToken(doc));
    else if (shape === 'accounts') {
      const accounts = Object.values((doc as JsonObject)['accounts'] as JsonObject);
      checkEntryCount(`This ${LABEL}`, accounts.length);
      accounts.forEach((a, i) => collect(result, entrySource(sourceName, i), () => steamToken(a)));
    } else if (shape === 'manifest') return readManifest(doc as JsonObject, options);
    else if (shape === 'encrypted') return readEncrypted(bytes, options);
    else throw damaged(LABEL, 'it holds no Steam account (no shared_secret)');
    return result;
  },
};

function steamToken(raw: unknown): Token {
  const a = fields(isObject(raw) ? raw : {}, 'Steam account');
  const secret = a.str('shared_secret');
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(secret)) {
    throw new KeyfobError('invalid-input', 'The Steam account\'s "shared_secret" is not base64.', 'secret');
  }
  const account = a.optStr('account_name');
  return buildToken({
    type: 'steam',
    issuer: 'Steam',
    account,
    secret: new Uint8Array(Buffer.from(secret, 'base64')),
  });
}

/** Every account a manifest lists, each read from its maFile beside the manifest. */
async function readManifest(manifest: JsonObject, { password, sourceName, companion }: ReadOptions) {
  // Entries that are not objects name no file: each becomes an error below, not a silent skip.
  const entries = (manifest['entries'] as unknown[]).map((e) => (isObject(e) ? e : {}));
  checkEntryCount(`This ${LABEL}`, entries.length);
  const sealed = entries.map((e) => encryptionOf(e, manifest));
  const encrypted = sealed.filter((s) => s !== null).length;
  if (encrypted > MAX_SDA_KEYS) {
    throw damaged(
      LABEL,
      `it lists ${encrypted} encrypted maFiles; Keyfob decrypts at most ${MAX_SDA_KEYS} at a time`,
    );
  }
  if (encrypted > 0 && password === undefined) throw passwordNeeded(LABEL);
  const keys = await passkeys(password ?? '', sealed);
  const result = emptyResult();
  let tried = 0;
  let opened = 0;
  let read = 0;
  for (const [i, entry] of entries.entries()) {
    const source = entrySource(sourceName, i);
    if (typeof entry['filename'] !== 'string') {
      result.errors.push({ source, message: 'This manifest entry names no maFile.' });
      continue;
    }
    const name = entry['filename'];
    if (read > MAX_MANIFEST_BYTES) {
      result.errors.push({
        source,
        message: 'Not read: the maFiles listed before it already hold more than 16 MB.',
      });
      continue;
    }
    const file = companion === undefined ? undefined : await companion(name);
    read += file?.length ?? 0;
    if (file === undefined) {
      result.errors.push({
        source,
        message: `${name.slice(0, 80)} is not beside the manifest; copy the whole maFiles folder.`,
      });
      continue;
    }
    const plain = open(file, sealed[i] ?? null, keys[i]);
    if (keys[i] !== undefined) tried++;
    if (keys[i] !== undefined && plain !== undefined) opened++;
    collect(result, source, () => {
      if (plain === undefined) {
        const why =
          sealed[i] === null ? 'is not a maFile (its contents are not JSON)' : 'could not be decrypted';
        throw new KeyfobError('invalid-input', `${name.slice(0, 80)} ${why}.`);
      }
      return steamToken(plain);
    });
  }
  // No encrypted maFile that was there opened: the passkey is wrong (CBC has no check of its own).
  if (tried > 0 && opened === 0) throw wrongPassword(LABEL, 'SDA stores no passkey check');
  return result;
}

/** An encrypted maFile alone: its salt and IV come from the manifest beside it. */
async function readEncrypted(bytes: Uint8Array, { password, sourceName, companion }: ReadOptions) {
  const base = sourceName.slice(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
  const manifestBytes = companion === undefined ? undefined : await companion(MANIFEST);
  const manifest = manifestBytes === undefined ? undefined : parseJsonText(textOf(manifestBytes));
  const entry =
    isObject(manifest) && Array.isArray(manifest['entries'])
      ? (manifest['entries'] as unknown[]).find((e) => isObject(e) && e['filename'] === base)
      : undefined;
  if (!isObject(manifest) || !isObject(entry)) {
    throw new KeyfobError(
      'invalid-input',
      `${base} is encrypted and the manifest.json that holds its salt and IV is not beside it: ` +
        'import it from its maFiles folder, or remove the encryption in Steam Desktop Authenticator first.',
    );
  }
  const sealed = encryptionOf(entry, manifest);
  if (password === undefined) throw passwordNeeded(LABEL);
  const [key] = await passkeys(password, [sealed]);
  const plain = open(bytes, sealed, key);
  if (plain === undefined) throw wrongPassword(LABEL, 'SDA stores no passkey check');
  const result = emptyResult();
  collect(result, entrySource(sourceName, 0), () => steamToken(plain));
  return result;
}

/** One key per encrypted entry (undefined for plain ones), derived in one worker. */
async function passkeys(password: string, sealed: Array<{ iv: string; salt: string } | null>) {
  const salts = sealed.flatMap((s) => (s === null ? [] : [Buffer.from(s.salt, 'base64')]));
  const derived = salts.length === 0 ? [] : await pbkdf2Keys(password, salts, SDA.iterations, 'sha1');
  let next = 0;
  return sealed.map((s) => (s === null ? undefined : derived[next++]));
}

/** A maFile's account JSON: as is, or decrypted; undefined when it does not decrypt to JSON. */
function open(file: Uint8Array, sealed: { iv: string; salt: string } | null, key?: Uint8Array): unknown {
  if (sealed === null || key === undefined) return parseJsonBytes(file);
  const plain = openCbc(key, Buffer.from(sealed.iv, 'base64'), Buffer.from(textOf(file).trim(), 'base64'));
  const doc = plain === null ? undefined : parseJsonText(Buffer.from(plain).toString('utf8'));
  return isObject(doc) ? doc : undefined;
}
