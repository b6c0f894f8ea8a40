// A Java-serialized `java.util.HashMap<String, String>`, read by hand: FreeOTP 2 writes its backup
// this way (ObjectOutputStream of the `tokenBackup` shared preferences). Java Object Serialization
// Stream Protocol, https://docs.oracle.com/javase/8/docs/platform/serialization/spec/protocol.html:
//   AC ED 00 05 · 73 TC_OBJECT · 72 TC_CLASSDESC · u16 length + "java.util.HashMap" · u64
//   serialVersionUID · flags (03 = SC_SERIALIZABLE | SC_WRITE_METHOD) · u16 field count · fields
//   (type code, u16 length + name; primitives only: `F loadFactor`, and on newer Android `I
//   threshold`) · 78 TC_ENDBLOCKDATA · 70 TC_NULL (no superclass) · the field values · 77
//   TC_BLOCKDATA 08 + int capacity + int size · size × (key, value) · 78.
// Keys and values are 74 TC_STRING (u16 length) or 7C TC_LONGSTRING (u64 length) in Java's
// "modified UTF-8", 71 TC_REFERENCE to an earlier string (handles from 0x7E0000, one per class
// description, object and string in stream order), or 70 TC_NULL.

/** Why the stream could not be read; the caller turns it into the format's "damaged" message. */
export class SerialError extends Error {}

const MAGIC = [0xac, 0xed, 0x00, 0x05];
const HASHMAP = 'java.util.HashMap';
const PRIMITIVE_BYTES: Record<string, number> = { B: 1, C: 2, D: 8, F: 4, I: 4, J: 8, S: 2, Z: 1 };
const BASE_HANDLE = 0x7e0000;

/** True when the bytes start a serialized object whose class is java.util.HashMap. */
export function isSerializedHashMap(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 8 + HASHMAP.length));
  return (
    MAGIC.every((b, i) => head[i] === b) &&
    head[4] === 0x73 &&
    head[5] === 0x72 &&
    head.toString('latin1', 8) === HASHMAP
  );
}

/** Reads a serialized HashMap<String, String> into a Map in stream order; `maxEntries` bounds it. */
export function readSerializedHashMap(bytes: Uint8Array, maxEntries: number): Map<string, string | null> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > b.length) throw new SerialError('it ends early');
  };
  const u8 = () => (need(1), b[at++] ?? 0);
  const u16 = () => (need(2), (at += 2), b.readUInt16BE(at - 2));
  const i32 = () => (need(4), (at += 4), b.readInt32BE(at - 4));
  const expect = (value: number, what: string) => {
    if (u8() !== value) throw new SerialError(`it has no ${what} where one belongs`);
  };
  const handles: Array<string | null> = [];
  const utf = (length: number) => {
    need(length);
    at += length;
    return modifiedUtf8(b.subarray(at - length, at));
  };

  if (!isSerializedHashMap(bytes)) throw new SerialError('it is not a serialized java.util.HashMap');
  at = 6;
  if (utf(u16()) !== HASHMAP) throw new SerialError('it is not a serialized java.util.HashMap');
  need(8);
  at += 8; // serialVersionUID
  u8(); // flags
  handles.push(null); // the class description
  let valueBytes = 0;
  for (let n = u16(); n > 0; n--) {
    const type = String.fromCharCode(u8());
    const size = PRIMITIVE_BYTES[type];
    if (size === undefined) throw new SerialError('its HashMap has a field Keyfob does not know');
    utf(u16());
    valueBytes += size;
  }
  expect(0x78, 'end of the class annotation');
  expect(0x70, 'empty superclass');
  handles.push(null); // the HashMap object
  need(valueBytes);
  at += valueBytes;
  expect(0x77, 'block of capacity and size');
  if (u8() < 8) throw new SerialError('its capacity and size block is too short');
  i32(); // capacity
  const size = i32();
  if (size < 0) throw new SerialError('its entry count is negative');
  if (size > maxEntries) throw new SerialError(`it holds ${size} entries, more than Keyfob reads`);

  const text = (): string | null => {
    const tag = u8();
    if (tag === 0x70) return null;
    if (tag === 0x71) {
      const value = handles[i32() - BASE_HANDLE];
      if (value === undefined) throw new SerialError('it refers to a string it never wrote');
      return value;
    }
    let length: number;
    if (tag === 0x74) length = u16();
    else if (tag === 0x7c) {
      need(8);
      const big = b.readBigUInt64BE(at);
      at += 8;
      if (big > BigInt(b.length)) throw new SerialError('a string is longer than the file');
      length = Number(big);
    } else throw new SerialError('an entry is not a string');
    const value = utf(length);
    handles.push(value);
    return value;
  };
  const map = new Map<string, string | null>();
  for (let i = 0; i < size; i++) {
    const key = text();
    const value = text();
    if (key !== null && !map.has(key)) map.set(key, value);
  }
  return map;
}

/**
 * Java's modified UTF-8 (DataInput.readUTF): NUL as C0 80, characters outside the BMP as two
 * 3-byte surrogates; decoded to UTF-16 code units one sequence at a time.
 */
export function modifiedUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i] ?? 0;
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0) {
      units.push(((a & 0x1f) << 6) | ((bytes[i + 1] ?? 0) & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0) {
      units.push(((a & 0x0f) << 12) | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f));
      i += 3;
    } else throw new SerialError('a string is not modified UTF-8');
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}
