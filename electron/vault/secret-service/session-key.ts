import { hkdfSync, randomBytes } from 'node:crypto';

/** RFC 2409's 1024-bit MODP group ("Second Oakley Group"), generator 2: the spec's dh-ietf1024 group. */
const PRIME = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF',
);
const BYTES = 128;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

const toBig = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const toBytes = (n: bigint) => Buffer.from(n.toString(16).padStart(BYTES * 2, '0'), 'hex');

/**
 * One side of the Secret Service's Diffie-Hellman exchange, with BigInt maths: Node's
 * `getDiffieHellman('modp2')` spends ≈ 70 ms checking the well-known prime on first use, more
 * than the rest of a 500-item read; two 1024-bit exponentiations here take ≈ 12 ms.
 */
export class SessionKeyExchange {
  private readonly secret: bigint;
  readonly publicKey: Buffer;

  constructor(privateKey: Uint8Array = randomBytes(BYTES)) {
    // 1 < x < p − 1
    this.secret = (toBig(privateKey) % (PRIME - 3n)) + 2n;
    this.publicKey = toBytes(modPow(2n, this.secret, PRIME));
  }

  /** The shared secret, zero-padded to the prime's 128 bytes; null for an invalid peer key. */
  sharedSecret(peerPublicKey: Uint8Array): Buffer | null {
    const peer = toBig(peerPublicKey);
    if (peer <= 1n || peer >= PRIME - 1n) return null;
    return toBytes(modPow(peer, this.secret, PRIME));
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
