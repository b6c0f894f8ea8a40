import { createCipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { Randomness } from './seeded';

// A zip writer for the archive fixtures (Authenticator Plus's export, WinAuth's zip), written from
// PKWARE's APPNOTE.TXT 6.3 (4.3.7 local header, 4.3.12 central directory, 4.3.16 end record, 6.1
// traditional encryption) and WinZip's "AES Encryption Information: Encryption Specification AE-1
// and AE-2" (salt, PBKDF2-HMAC-SHA1 1000 iterations, AES-CTR with a little-endian counter from 1,
// 2-byte password verifier, 10-byte HMAC-SHA1, extra field 0x9901). Deterministic: fixed times and
// seeded salts.

/** How the one entry is protected. */
export type ZipEncryption = 'none' | 'zipcrypto' | 'aes';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crcByte = (crc: number, b: number) => ((CRC_TABLE[(crc ^ b) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
const crc32 = (data: Uint8Array) => (data.reduce((c, b) => crcByte(c, b), 0xffffffff) ^ 0xffffffff) >>> 0;

/** APPNOTE 6.1.5: encrypts with the three keys updated from the password, a 12-byte header first. */
function zipCrypto(password: string, data: Uint8Array, checkByte: number, random: Randomness): Buffer {
  const keys = [0x12345678, 0x23456789, 0x34567890];
  const update = (b: number) => {
    keys[0] = crcByte(keys[0] ?? 0, b);
    keys[1] = (Math.imul(((keys[1] ?? 0) + ((keys[0] ?? 0) & 0xff)) >>> 0, 134775813) + 1) >>> 0;
    keys[2] = crcByte(keys[2] ?? 0, (keys[1] ?? 0) >>> 24);
  };
  for (const b of Buffer.from(password, 'utf8')) update(b);
  const header = Buffer.from(random.bytes(12));
  header[11] = checkByte;
  return Buffer.from(
    Array.from(Buffer.concat([header, data]), (p) => {
      const t = ((keys[2] ?? 0) | 2) & 0xffff;
      const c = p ^ ((Math.imul(t, t ^ 1) >>> 8) & 0xff);
      update(p);
      return c;
    }),
  );
}

/** WinZip AE-2 with AES-256: salt 16 ‖ verifier 2 ‖ AES-CTR ciphertext ‖ HMAC-SHA1 (10 bytes). */
function winZipAes(password: string, data: Uint8Array, random: Randomness): Buffer {
  const salt = random.bytes(16);
  const derived = pbkdf2Sync(password, salt, 1000, 66, 'sha1');
  const key = derived.subarray(0, 32);
  const ecb = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  const out = Buffer.alloc(data.length);
  for (let at = 0; at < data.length; at += 16) {
    const counter = Buffer.alloc(16);
    counter.writeUInt32LE(at / 16 + 1); // little-endian block counter from 1
    const stream = ecb.update(counter);
    for (let i = 0; i < 16 && at + i < data.length; i++) out[at + i] = (data[at + i] ?? 0) ^ (stream[i] ?? 0);
  }
  const mac = createHmac('sha1', derived.subarray(32, 64)).update(out).digest().subarray(0, 10);
  return Buffer.concat([salt, derived.subarray(64, 66), out, mac]);
}

/** A zip of deflated text files, each plain or encrypted with `password`. */
export function writeZip(
  files: ReadonlyArray<{ name: string; text: string }>,
  encryption: ZipEncryption,
  random: Randomness,
  password = '',
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, text } of files) {
    const { local, central } = zipEntry(name, text, encryption, random, password, offset);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** One entry's local header with its data, and its central directory record. */
function zipEntry(
  name: string,
  text: string,
  encryption: ZipEncryption,
  random: Randomness,
  password: string,
  offset: number,
) {
  const plain = Buffer.from(text, 'utf8');
  const crc = crc32(plain);
  const deflated = deflateRawSync(plain, { level: 9 });
  const time = 0x6000; // 12:00:00
  const date = ((2023 - 1980) << 9) | (11 << 5) | 14; // 2023-11-14
  const aes = encryption === 'aes';
  const data =
    encryption === 'zipcrypto'
      ? zipCrypto(password, deflated, crc >>> 24, random)
      : aes
        ? winZipAes(password, deflated, random)
        : deflated;
  const extra = aes
    ? Buffer.from([0x01, 0x99, 0x07, 0x00, 0x02, 0x00, 0x41, 0x45, 0x03, 0x08, 0x00])
    : Buffer.alloc(0);
  const fileName = Buffer.from(name, 'utf8');
  const fields = (central: boolean) => {
    const b = Buffer.alloc(central ? 46 : 30);
    let at = 0;
    const w16 = (v: number) => (at = b.writeUInt16LE(v, at));
    const w32 = (v: number) => (at = b.writeUInt32LE(v >>> 0, at));
    w32(central ? 0x02014b50 : 0x04034b50);
    if (central) w16(20);
    w16(aes ? 51 : 20); // version needed: 5.1 for AES
    w16((encryption === 'none' ? 0 : 1) | 0x800); // encrypted, UTF-8 names
    w16(aes ? 99 : 8);
    w16(time);
    w16(date);
    w32(aes ? 0 : crc); // AE-2 stores no CRC
    w32(data.length);
    w32(plain.length);
    w16(fileName.length);
    w16(extra.length);
    if (central) {
      w16(0); // comment
      w16(0); // disk
      w16(0); // internal attributes
      w32(0); // external attributes
      w32(offset); // local header offset
    }
    return Buffer.concat([b, fileName, extra]);
  };
  return { local: Buffer.concat([fields(false), data]), central: fields(true) };
}
