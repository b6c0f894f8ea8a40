import type { Token } from '../../../shared/otp-types';
import { pbkdf2, sealGcm } from './fixture-crypto';
import { gson, javaBytes } from './fixture-encoding';
import type { Randomness } from './seeded';

// FreeOTP 2's backup, written from formats-more.md "FreeOTP 2.x encrypted backup" (the layout of
// Aegis's freeotp_v2_api23/25/27/34 and null_algo fixtures) and the Java Object Serialization
// Stream Protocol (docs.oracle.com/javase/8/docs/platform/serialization/spec/protocol.html):
// a java.util.HashMap<String, String> of the master key, each token's encrypted key and its JSON.

/** How an Android API level serialised the map and derived the master key. */
export interface FreeOtp2Layout {
  /** API 23 wrote only `loadFactor`; API 25 and later add `threshold`. */
  threshold: boolean;
  /** API 23's Conscrypt wrote GCM parameters as a bare OCTET STRING, later ones as a SEQUENCE. */
  sequence: boolean;
  digest: 'sha1' | 'sha512';
  /** Leave algo, digits and period out of the token JSON (FreeOTP's defaults). */
  nullAlgo?: boolean;
}

const HASHMAP_UID = Buffer.from('0507dac1c31660d1', 'hex'); // serialVersionUID 362498820763181265
const ITERATIONS = 100_000; // mIterations in every fixture
const MAC_NAMES = { SHA1: 'HmacSHA1', SHA256: 'HmacSHA256', SHA512: 'HmacSHA512' } as const;

/** Java's modified UTF-8 (DataOutput.writeUTF): UTF-16 code units, NUL as C0 80. */
function modifiedUtf8(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 1 && c <= 0x7f) out.push(c);
    else if (c <= 0x7ff) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Buffer.from(out);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function i32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

/** TC_STRING: 0x74, u16 length, modified UTF-8. */
const javaString = (text: string) =>
  Buffer.concat([Buffer.from([0x74]), u16(modifiedUtf8(text).length), modifiedUtf8(text)]);

/** An ObjectOutputStream of a HashMap<String, String>, entries in the given order. */
function serializeHashMap(entries: ReadonlyArray<[string, string]>, threshold: boolean): Buffer {
  let capacity = 16;
  while (entries.length > capacity * 0.75) capacity *= 2;
  const name = Buffer.from('java.util.HashMap', 'latin1');
  const fields = [Buffer.from('F'), u16(10), Buffer.from('loadFactor')];
  if (threshold) fields.push(Buffer.from('I'), u16(9), Buffer.from('threshold'));
  const loadFactor = Buffer.alloc(4);
  loadFactor.writeFloatBE(0.75);
  return Buffer.concat([
    Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]),
    u16(name.length),
    name,
    HASHMAP_UID,
    Buffer.from([0x03]), // SC_WRITE_METHOD | SC_SERIALIZABLE
    u16(threshold ? 2 : 1),
    ...fields,
    Buffer.from([0x78, 0x70]), // end of class annotation, no superclass
    loadFactor,
    ...(threshold ? [i32(capacity * 0.75)] : []),
    Buffer.from([0x77, 0x08]),
    i32(capacity),
    i32(entries.length),
    ...entries.flatMap(([k, v]) => [javaString(k), javaString(v)]),
    Buffer.from([0x78]),
  ]);
}

/** DER of GCM parameters: `SEQUENCE { OCTET STRING nonce, INTEGER 16 }` (tag bytes), or a bare OCTET STRING. */
function gcmParameters(nonce: Uint8Array, sequence: boolean): Buffer {
  const octets = Buffer.concat([Buffer.from([0x04, nonce.length]), nonce]);
  if (!sequence) return octets;
  const body = Buffer.concat([octets, Buffer.from([0x02, 0x01, 0x10])]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** FreeOTP's EncryptedKey JSON: AES/GCM ciphertext ‖ tag, DER parameters, and the AAD text as mToken. */
function encryptedKey(
  key: Uint8Array,
  plain: Uint8Array,
  token: string,
  random: Randomness,
  sequence: boolean,
) {
  const nonce = random.bytes(12);
  const sealed = sealGcm(key, nonce, plain, Buffer.from(token, 'utf8'));
  return {
    mCipher: 'AES/GCM/NoPadding',
    mCipherText: javaBytes(Buffer.concat([sealed.ciphertext, sealed.tag])),
    mParameters: javaBytes(gcmParameters(nonce, sequence)),
    mToken: token,
  };
}

/** A FreeOTP 2 backup of `tokens` under `password`, in the given layout. */
export function writeFreeOtp2(
  tokens: readonly Token[],
  password: string,
  random: Randomness,
  layout: FreeOtp2Layout,
): Uint8Array {
  const master = random.bytes(32);
  const salt = random.bytes(32);
  const kek = pbkdf2(password, salt, ITERATIONS, layout.digest);
  const masterKey = {
    mAlgorithm: layout.digest === 'sha1' ? 'PBKDF2withHmacSHA1' : 'PBKDF2withHmacSHA512',
    mEncryptedKey: encryptedKey(kek, master, 'AES', random, layout.sequence),
    mIterations: ITERATIONS,
    mSalt: javaBytes(salt),
  };
  const entries: Array<[string, string]> = [['masterKey', gson(masterKey)]];
  for (const t of tokens) {
    const uuid = random.uuid();
    const key = encryptedKey(master, t.secret, MAC_NAMES[t.algorithm], random, layout.sequence);
    const hotp = t.type === 'hotp';
    const token = {
      ...(layout.nullAlgo === true ? {} : { algo: t.algorithm }),
      ...(hotp ? { counter: t.counter } : {}),
      ...(layout.nullAlgo === true ? {} : { digits: t.digits }),
      issuerExt: t.issuer,
      issuerInt: t.issuer,
      label: t.account,
      ...(hotp || layout.nullAlgo === true ? {} : { period: t.period }),
      type: hotp ? 'HOTP' : 'TOTP',
    };
    entries.push([uuid, gson({ key: gson(key) })], [`${uuid}-token`, gson(token)]);
  }
  return serializeHashMap(entries, layout.threshold);
}
