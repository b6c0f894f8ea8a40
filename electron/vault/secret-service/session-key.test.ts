import { createDiffieHellman, getDiffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SessionKeyExchange } from './session-key';

// The reference is OpenSSL's classic DH API (`getDiffieHellman('modp2')`: the RFC 2409 group from
// OpenSSL's own table), a different code path from the KeyObjects the exchange uses.
const MODP2 = getDiffieHellman('modp2');
const padded = (b: Buffer) => b.toString('hex').padStart(256, '0');
/** The reference side with a chosen private value. */
function reference(privateValue: Buffer) {
  const dh = createDiffieHellman(MODP2.getPrime(), MODP2.getGenerator());
  dh.setPrivateKey(privateValue);
  dh.generateKeys();
  return dh;
}
/** Deterministic private values, so tests can't flake. */
const privateValue = (seed: number) => Buffer.alloc(128, seed % 256).fill(seed >> 8, 0, 1);

describe('Secret Service session key exchange', () => {
  it("agrees with OpenSSL's modp2 Diffie-Hellman in both directions", () => {
    for (let i = 0; i < 5; i++) {
      const ours = new SessionKeyExchange();
      const theirs = getDiffieHellman('modp2');
      theirs.generateKeys();
      expect(ours.publicKey).toHaveLength(128);
      const expected = theirs.computeSecret(ours.publicKey);
      expect(ours.sharedSecret(theirs.getPublicKey())?.toString('hex')).toBe(padded(expected));
    }
  });

  it.each([1, 2, 7, 300])('private value of seed %i: the same public key and secret as OpenSSL', (seed) => {
    const ours = new SessionKeyExchange(privateValue(seed));
    const ref = reference(privateValue(seed));
    expect(ours.publicKey.toString('hex')).toBe(padded(ref.getPublicKey()));
    const peer = reference(privateValue(seed + 1000));
    expect(ours.sharedSecret(peer.getPublicKey())?.toString('hex')).toBe(
      padded(ref.computeSecret(peer.getPublicKey())),
    );
  });

  it('accepts a peer key sent with leading zero bytes', () => {
    const ours = new SessionKeyExchange(privateValue(5));
    const peer = reference(privateValue(6)).getPublicKey();
    expect(ours.sharedSecret(Buffer.concat([Buffer.alloc(128), peer]))).toEqual(ours.sharedSecret(peer));
  });

  const prime = MODP2.getPrime();
  const primeMinus = (n: number) => {
    const b = Buffer.from(prime);
    b[127] = (b[127] ?? 0) - n; // the prime ends in 0xff: no borrow
    return b;
  };
  it.each([
    ['one byte: 1', Uint8Array.of(1)],
    ['nothing', new Uint8Array(0)],
    ['zeros', new Uint8Array(128)],
    ['p − 1', primeMinus(1)],
    ['p', prime],
    ['above p', Buffer.alloc(128, 0xff)],
    ['129 significant bytes', Buffer.alloc(129, 1)],
  ])('refuses the degenerate peer key %s', (_name, key) => {
    const ours = new SessionKeyExchange();
    expect(ours.sharedSecret(key)).toBeNull();
    expect(ours.aesKey(key)).toBeNull();
  });

  it('derives a 16-byte key, and declines a shared secret with a leading zero byte', () => {
    // About 1 shared secret in 256 starts with 0x00; with these keys seeds 113 and 479 do.
    const theirs = new SessionKeyExchange(Buffer.alloc(128, 7));
    let declined = 0;
    let derived = 0;
    for (const seed of [1, 2, 3, 112, 113, 114, 478, 479]) {
      const ours = new SessionKeyExchange(privateValue(seed));
      const key = ours.aesKey(theirs.publicKey);
      const expected = padded(reference(privateValue(seed)).computeSecret(theirs.publicKey));
      expect(ours.sharedSecret(theirs.publicKey)?.toString('hex')).toBe(expected);
      if (key === null) {
        declined++;
        expect(expected.slice(0, 2)).toBe('00');
      } else {
        derived++;
        expect(key.length).toBe(16);
        expect(theirs.aesKey(ours.publicKey)).toEqual(key);
      }
    }
    expect(derived).toBe(6);
    expect(declined).toBe(2);
  });
});
