import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/** RFC 2409's 1024-bit MODP group ("Second Oakley Group"), generator 2: the spec's dh-ietf1024 group. */
const PRIME = Buffer.from(
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7' +
    'EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF',
  'hex',
);
const BYTES = 128;

// DER, just enough to hand OpenSSL keys of this group: PKCS #3 `dhKeyAgreement` with (p, g).
const tlv = (tag: number, body: Buffer) => {
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
};
const derInteger = (bytes: Uint8Array) => {
  const b = Buffer.from(significant(bytes));
  // DER integers are signed: a set top bit needs a zero byte in front, and zero is one zero byte.
  return tlv(0x02, b.length === 0 || (b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
};
const ALGORITHM = tlv(
  0x30,
  Buffer.concat([
    tlv(0x06, Buffer.from('2a864886f70d010301', 'hex')),
    tlv(0x30, Buffer.concat([derInteger(PRIME), derInteger(Uint8Array.of(2))])),
  ]),
);
const publicKeyObject = (y: Uint8Array) =>
  createPublicKey({
    key: tlv(0x30, Buffer.concat([ALGORITHM, tlv(0x03, Buffer.concat([Buffer.from([0]), derInteger(y)]))])),
    format: 'der',
    type: 'spki',
  });
const privateKeyObject = (x: Uint8Array) =>
  createPrivateKey({
    key: tlv(0x30, Buffer.concat([derInteger(Uint8Array.of(0)), ALGORITHM, tlv(0x04, derInteger(x))])),
    format: 'der',
    type: 'pkcs8',
  });

/** 1023 random bits: below p, whose top 64 bits are set; 0 or 1 has odds of 2^-1022. */
function randomPrivateValue(): Buffer {
  const x = randomBytes(BYTES);
  x[0] = (x[0] ?? 0) & 0x7f;
  return x;
}

/** The value of a DER element at `at`: [first content byte, end]. */
function element(der: Buffer, at: number): [number, number] {
  const first = der[at + 1] ?? 0;
  if (first < 0x80) return [at + 2, at + 2 + first];
  const size = first & 0x7f;
  return [at + 2 + size, at + 2 + size + der.readUIntBE(at + 2, size)];
}

/** y of a public key, zero-padded to 128 bytes: SubjectPublicKeyInfo → BIT STRING → INTEGER. */
function publicValue(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  const [content] = element(der, 0);
  const [, algorithmEnd] = element(der, content);
  const [bits] = element(der, algorithmEnd);
  const [start, end] = element(der, bits + 1); // after the BIT STRING's unused-bits byte
  return pad(der.subarray(start, end));
}

/** A big-endian number's bytes without its leading zeros. */
function significant(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

/** A number of at most 128 bytes, left-padded with zeros to the prime's 128 bytes. */
function pad(bytes: Uint8Array): Buffer {
  const value = significant(bytes);
  const out = Buffer.alloc(BYTES);
  out.set(value, BYTES - value.length);
  return out;
}

/**
 * One side of the Secret Service's Diffie-Hellman exchange, done by OpenSSL (node:crypto
 * KeyObjects, whose modular exponentiation of the private value is constant-time). The group is
 * given as DER parameters rather than through `getDiffieHellman('modp2')` or
 * `createDiffieHellman(prime, 2)`, which check the prime on every construction (40–80 ms here,
 * against ≈ 2 ms for a key pair and a shared secret this way; figures in docs/storage.md).
 */
export class SessionKeyExchange {
  private readonly privateKey: KeyObject;
  readonly publicKey: Buffer;

  /** A key pair from the private value `x` (1 < x < p − 1): random unless given (tests). */
  constructor(privateValue: Uint8Array = randomPrivateValue()) {
    this.privateKey = privateKeyObject(privateValue);
    this.publicKey = publicValue(createPublicKey(this.privateKey));
  }

  /**
   * The shared secret, zero-padded to the prime's 128 bytes; null for an invalid peer key
   * (OpenSSL refuses y ≤ 1 and y ≥ p − 1).
   */
  sharedSecret(peerPublicKey: Uint8Array): Buffer | null {
    const y = significant(peerPublicKey);
    if (y.length === 0 || y.length > BYTES) return null;
    try {
      return pad(diffieHellman({ privateKey: this.privateKey, publicKey: publicKeyObject(y) }));
    } catch {
      return null;
    }
  }

  /**
   * The AES-128 key for dh-ietf1024-sha256-aes128-cbc-pkcs7: HKDF-SHA256 of the shared secret with
   * no salt and no info. Null when the secret starts with a zero byte: implementations disagree on
   * padding it before the HKDF (1 session in 256), so such a session is declined rather than guessed.
   */
  aesKey(peerPublicKey: Uint8Array): Buffer | null {
    const shared = this.sharedSecret(peerPublicKey);
    if (shared === null || shared[0] === 0) return null;
    return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), Buffer.alloc(0), 16));
  }
}
