import { KeyfobError } from '../../../shared/errors';
import { openGcm, pbkdf2Key } from '../crypto';
import type { Pbkdf2Digest } from '../kdf-worker';
import { damaged, entrySource, passwordNeeded, wrongPassword, type ImportFormat } from '../format';
import { freeOtpToken, signedBytes } from '../freeotp-token';
import { MAX_IMPORT_ENTRIES } from '../import-limits';
import { isObject, parseJsonText, type JsonObject } from '../json-input';
import { MAX_PBKDF2_ITERATIONS, checkIterations } from '../kdf-limits';
import { collect, emptyResult } from '../token-build';
import { SerialError, isSerializedHashMap, readSerializedHashMap } from './java-hashmap';

// FreeOTP 2's encrypted backup `externalBackup.xml` — despite the name a Java-serialized
// HashMap<String, String> (java-hashmap.ts), the app's `tokenBackup` preferences:
// - `masterKey` → `{ mAlgorithm: "PBKDF2withHmacSHA1" | "PBKDF2withHmacSHA512", mIterations,
//   mSalt (signed bytes), mEncryptedKey }`;
// - `<uuid>` → `{ "key": "<EncryptedKey JSON as a string>" }`; `<uuid>-token` → the token's JSON
//   as in FreeOTP 1.x without `secret` (missing algo/digits/period mean SHA-1/6/30);
// - EncryptedKey = `{ mCipher: "AES/GCM/NoPadding", mCipherText: signed bytes of ciphertext ‖ tag,
//   mParameters: signed bytes of DER, mToken: the GCM associated data as text }`.
// Decryption: kek = PBKDF2(mAlgorithm's hash, password, salt, iterations, 256 bits); master key =
// AES-256-GCM(kek, nonce, AAD "AES"); each secret = AES-GCM(master, its nonce, AAD = its mToken,
// e.g. "HmacSHA1"). `mParameters` is `SEQUENCE { OCTET STRING nonce, INTEGER tagBits }` on newer
// Android or a bare `OCTET STRING` (API 23): the first OCTET STRING is the nonce either way. The
// master key's tag is the password check. Counters are stored as the URI's (no −1, unlike 1.x).
// @see formats-more.md "FreeOTP 2.x encrypted backup"; Aegis FreeOtpImporter.readV2 (commit cc5ce485)

const LABEL = 'FreeOTP backup';
const DIGESTS: Record<string, Pbkdf2Digest> = { pbkdf2withhmacsha1: 'sha1', pbkdf2withhmacsha512: 'sha512' };

/** FreeOTP 2 backups (every Android API level's serialization). */
export const freeOtp2Format: ImportFormat = {
  id: 'freeotp2',
  label: LABEL,
  detect(_fileName, bytes) {
    return isSerializedHashMap(bytes) ? 0.95 : 0;
  },
  needsPassword() {
    return true;
  },
  async read(bytes, { password, sourceName }) {
    let map: Map<string, string | null>;
    try {
      map = readSerializedHashMap(bytes, 2 * MAX_IMPORT_ENTRIES + 1);
    } catch (e) {
      if (e instanceof SerialError) throw damaged(LABEL, e.message);
      throw e;
    }
    const master = json(map.get('masterKey'));
    if (master === undefined) throw damaged(LABEL, 'it has no master key');
    if (password === undefined) throw passwordNeeded(LABEL);
    const key = await masterKey(master, password);
    const result = emptyResult();
    // Every token, and every key whose token details are missing (a key is never dropped unsaid).
    const ids = [...map.keys()].filter(
      (k) => k !== 'masterKey' && (k.endsWith('-token') || !map.has(`${k}-token`)),
    );
    ids.forEach((id, i) =>
      collect(result, entrySource(sourceName, i), () => {
        if (!id.endsWith('-token'))
          throw new KeyfobError(
            'invalid-input',
            'This FreeOTP key has no token details (type, issuer) in the backup.',
          );
        const uuid = id.slice(0, -'-token'.length);
        const wrapped = json(json(map.get(uuid))?.['key']);
        if (wrapped === undefined)
          throw new KeyfobError('invalid-input', 'This FreeOTP token has no key in the backup.');
        const secret = open(key, wrapped);
        if (secret === null)
          throw new KeyfobError(
            'invalid-input',
            "This FreeOTP token's key does not decrypt (the backup is damaged).",
          );
        return freeOtpToken(json(map.get(id)), 0n, secret);
      }),
    );
    return result;
  },
};

function json(text: unknown): JsonObject | undefined {
  const doc = typeof text === 'string' ? parseJsonText(text) : undefined;
  return isObject(doc) ? doc : undefined;
}

async function masterKey(master: JsonObject, password: string): Promise<Uint8Array> {
  const digest = DIGESTS[String(master['mAlgorithm']).toLowerCase()];
  if (digest === undefined) throw damaged(LABEL, 'its master key uses a key derivation Keyfob does not know');
  const iterations = typeof master['mIterations'] === 'number' ? master['mIterations'] : NaN;
  checkIterations(LABEL, iterations, MAX_PBKDF2_ITERATIONS);
  const wrapped = master['mEncryptedKey'];
  if (!isObject(wrapped)) throw damaged(LABEL, 'its master key is missing');
  const kek = await pbkdf2Key(password, bytesOf(master['mSalt']), iterations, digest);
  const key = open(kek, wrapped);
  if (key === null) throw wrongPassword(LABEL);
  return key;
}

/** An EncryptedKey opened with `key`; null when GCM refuses it. */
function open(key: Uint8Array, encrypted: JsonObject): Uint8Array | null {
  const data = bytesOf(encrypted['mCipherText']);
  const nonce = firstOctetString(bytesOf(encrypted['mParameters']));
  if (nonce === undefined || data.length < 16)
    throw damaged(LABEL, 'an encrypted key has no usable parameters');
  const aad = Buffer.from(typeof encrypted['mToken'] === 'string' ? encrypted['mToken'] : '', 'utf8');
  return openGcm(key, { nonce, ciphertext: data.subarray(0, -16), tag: data.subarray(-16), aad });
}

function bytesOf(v: unknown): Uint8Array {
  try {
    return signedBytes(v);
  } catch {
    throw damaged(LABEL, 'a byte array in it is not one');
  }
}

/** The contents of the first DER OCTET STRING, at the top or first inside a SEQUENCE. */
function firstOctetString(der: Uint8Array): Uint8Array | undefined {
  let at = 0;
  const length = (): number | undefined => {
    const first = der[at++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined; // nonces and these sequences are far shorter than 256 bytes
    return der[at++];
  };
  if (der[at] === 0x30) {
    at++;
    if (length() === undefined) return undefined;
  }
  if (der[at++] !== 0x04) return undefined;
  const n = length();
  return n === undefined || n === 0 || at + n > der.length ? undefined : der.subarray(at, at + n);
}
