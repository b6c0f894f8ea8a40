/**
 * The D-Bus wire format (little-endian), for the handful of Secret Service calls Keyfob makes in
 * bulk. Hand-written rather than a D-Bus library, on two grounds measured by `npm run bench`:
 *
 * - Speed, slightly: the same 500-secret read in a fresh `node` process, medians of 9
 *   (bench/secret-service-client-bench.ts; 2 cores, load 3–5): with the item index, as
 *   `keyfob code` reads, 133–136 ms wall / 108–111 ms CPU here against 160–169 ms / 139–148 ms over
 *   dbus-next (1.2×; node alone starts in 60 ms); without the index (500 attribute lookups)
 *   211–229 ms / 165–179 ms against 268–289 ms / 261–279 ms (1.25×); keytar item by item
 *   283–319 ms / 205–229 ms.
 * - Hostile input, decisively: of the 16 wrong answers the tests give (test-support/secret-service/hostile-answers.ts;
 *   bench/secret-service-wrong-answers-bench.ts), this client refuses all 16 at once. dbus-next
 *   0.10.2 refuses 7 at once and 5 only at the timeout (it buffers a 100 MB claim, waits on a bad
 *   handshake), accepts a Hello of the wrong type, crashes the process on 2 (exceptions thrown
 *   from its socket listener, out of any caller's reach) and loops forever on a variant holding an
 *   array of empty structs — a synchronous loop no timeout can end.
 *
 * Only what the Secret Service API uses is supported.
 *
 * Values: y n q i u → number, x t → bigint, b → boolean, d → number, s o g → string,
 * `ay` → Uint8Array, other arrays → Array (dict entries as [key, value] pairs), structs → Array,
 * v → { signature, value }.
 */

import { alignment, MAX_DEPTH, splitSignature } from './dbus-signature';

export { splitSignature } from './dbus-signature';

export type DbusValue =
  number | bigint | boolean | string | Uint8Array | DbusValue[] | { signature: string; value: DbusValue };

export const enum MessageType {
  MethodCall = 1,
  MethodReturn = 2,
  Error = 3,
  Signal = 4,
}

export interface Message {
  type: MessageType;
  serial: number;
  path?: string;
  interface?: string;
  member?: string;
  errorName?: string;
  replySerial?: number;
  destination?: string;
  signature?: string;
  body: DbusValue[];
}

const FIELD = {
  path: 1,
  interface: 2,
  member: 3,
  errorName: 4,
  replySerial: 5,
  destination: 6,
  sender: 7,
  signature: 8,
};

/**
 * The largest message Keyfob accepts from the bus. Its biggest legitimate reply is GetSecrets for
 * every item of the service: ≈ 200 bytes per item, so 10,000 accounts make ≈ 2 MB. 8 MiB leaves
 * room for four times that; anything larger is not a reply to Keyfob's calls (the spec allows
 * 128 MiB) and ends the connection before it is buffered, so the read falls back to keytar.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Growable little-endian writer; offsets are from the start of the message (alignment counts on it). */
class Writer {
  buf = Buffer.allocUnsafe(256);
  pos = 0;
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  align(n: number): void {
    const pad = (n - (this.pos % n)) % n;
    this.ensure(pad);
    this.buf.fill(0, this.pos, this.pos + pad);
    this.pos += pad;
  }
  u8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v;
  }
  u32(v: number): void {
    this.align(4);
    this.ensure(4);
    this.buf.writeUInt32LE(v, this.pos);
    this.pos += 4;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  string(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u32(b.length);
    this.bytes(b);
    this.u8(0);
  }
  signature(s: string): void {
    this.u8(s.length);
    this.bytes(Buffer.from(s, 'ascii'));
    this.u8(0);
  }
  value(type: string, v: DbusValue): void {
    const c = type[0];
    switch (c) {
      case 'y':
        return this.u8(v as number);
      case 'b':
        return this.u32(v ? 1 : 0);
      case 'u':
        return this.u32(v as number);
      case 'i':
        this.align(4);
        this.ensure(4);
        this.buf.writeInt32LE(v as number, this.pos);
        this.pos += 4;
        return;
      case 's':
      case 'o':
        return this.string(v as string);
      case 'g':
        return this.signature(v as string);
      case 'v': {
        const variant = v as { signature: string; value: DbusValue };
        this.signature(variant.signature);
        return this.value(variant.signature, variant.value);
      }
      case 'a':
        return this.array(type.slice(1), v);
      case '(':
      case '{': {
        this.align(8);
        const members = splitSignature(type.slice(1, -1));
        const items = v as DbusValue[];
        members.forEach((m, i) => this.value(m, items[i] as DbusValue));
        return;
      }
      default:
        throw new Error(`Writing D-Bus type '${type}' is not supported.`);
    }
  }
  private array(element: string, v: DbusValue): void {
    this.u32(0);
    const lengthAt = this.pos - 4;
    this.align(alignment(element[0]));
    const start = this.pos;
    if (element === 'y') this.bytes(v as Uint8Array);
    else for (const item of v as DbusValue[]) this.value(element, item);
    this.buf.writeUInt32LE(this.pos - start, lengthAt);
  }
}

/** Encodes one message; `serial` must be non-zero and unique on the connection. */
export function encodeMessage(m: Message): Buffer {
  const w = new Writer();
  const signature = m.signature ?? '';
  w.u8(0x6c); // 'l': little-endian
  w.u8(m.type);
  w.u8(0);
  w.u8(1);
  w.u32(0); // body length, patched below
  w.u32(m.serial);
  const fields: DbusValue[] = [];
  const add = (code: number, sig: string, value: DbusValue | undefined) => {
    if (value !== undefined) fields.push([code, { signature: sig, value }]);
  };
  add(FIELD.path, 'o', m.path);
  add(FIELD.interface, 's', m.interface);
  add(FIELD.member, 's', m.member);
  add(FIELD.errorName, 's', m.errorName);
  add(FIELD.replySerial, 'u', m.replySerial);
  add(FIELD.destination, 's', m.destination);
  if (signature !== '') add(FIELD.signature, 'g', signature);
  w.value('a(yv)', fields);
  w.align(8);
  const bodyStart = w.pos;
  const types = splitSignature(signature);
  if (types.length !== m.body.length) {
    throw new Error(`D-Bus body has ${m.body.length} values for signature '${signature}'.`);
  }
  types.forEach((t, i) => w.value(t, m.body[i] as DbusValue));
  w.buf.writeUInt32LE(w.pos - bodyStart, 4);
  return w.buf.subarray(0, w.pos);
}

/**
 * How many bytes the message at the start of `buf` takes, or 0 while its fixed header is incomplete.
 * Throws for bytes that are not a D-Bus message and for a message over {@link MAX_MESSAGE_BYTES}.
 */
export function messageLength(buf: Buffer): number {
  if (buf.length < 16) return 0;
  if ((buf[0] !== 0x6c && buf[0] !== 0x42) || buf[3] !== 1) throw new Error('Not a D-Bus message.');
  const read = buf[0] === 0x6c ? buf.readUInt32LE.bind(buf) : buf.readUInt32BE.bind(buf);
  const fieldsLength = read(12);
  const headerEnd = 16 + fieldsLength + ((8 - ((16 + fieldsLength) % 8)) % 8);
  const length = headerEnd + read(4);
  if (length > MAX_MESSAGE_BYTES) throw new Error('D-Bus message too large.');
  return length;
}

class Reader {
  pos = 0;
  private depth = 0;
  constructor(
    private readonly buf: Buffer,
    private readonly little: boolean,
  ) {}
  align(n: number): void {
    this.pos += (n - (this.pos % n)) % n;
  }
  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new Error('Truncated D-Bus message.');
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }
  u32(): number {
    this.align(4);
    this.need(4);
    const v = this.little ? this.buf.readUInt32LE(this.pos) : this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  string(length: number): string {
    this.need(length + 1);
    const s = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length + 1;
    return s;
  }
  value(type: string): DbusValue {
    const c = type[0];
    switch (c) {
      case 'y':
        return this.u8();
      case 'b':
        return this.u32() !== 0;
      case 'u':
        return this.u32();
      case 'i':
        return this.u32() | 0;
      case 'n':
      case 'q': {
        this.align(2);
        this.need(2);
        const v = this.little ? this.buf.readUInt16LE(this.pos) : this.buf.readUInt16BE(this.pos);
        this.pos += 2;
        return c === 'n' && v >= 0x8000 ? v - 0x10000 : v;
      }
      case 'x':
      case 't':
      case 'd': {
        this.align(8);
        this.need(8);
        const at = this.pos;
        this.pos += 8;
        if (c === 'd') return this.little ? this.buf.readDoubleLE(at) : this.buf.readDoubleBE(at);
        if (c === 'x') return this.little ? this.buf.readBigInt64LE(at) : this.buf.readBigInt64BE(at);
        return this.little ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at);
      }
      case 's':
      case 'o':
        return this.string(this.u32());
      case 'g':
        return this.string(this.u8());
      case 'v': {
        const signature = this.string(this.u8());
        const types = splitSignature(signature);
        if (types.length !== 1) throw new Error('A D-Bus variant must hold one complete type.');
        if (++this.depth > MAX_DEPTH) throw new Error('D-Bus variants nest too deep.');
        try {
          return { signature, value: this.value(signature) };
        } finally {
          this.depth--;
        }
      }
      case 'a': {
        const length = this.u32();
        const element = type.slice(1);
        this.align(alignment(element[0]));
        this.need(length);
        const end = this.pos + length;
        if (element === 'y') {
          const bytes = new Uint8Array(this.buf.subarray(this.pos, end));
          this.pos = end;
          return bytes;
        }
        const items: DbusValue[] = [];
        while (this.pos < end) items.push(this.value(element));
        return items;
      }
      case '(':
      case '{': {
        this.align(8);
        return splitSignature(type.slice(1, -1)).map((m) => this.value(m));
      }
      default:
        throw new Error(`Reading D-Bus type '${type}' is not supported.`);
    }
  }
}

/** Decodes one complete message (as sized by `messageLength`). */
export function decodeMessage(buf: Buffer): Message {
  const r = new Reader(buf, buf[0] === 0x6c);
  r.pos = 1;
  const type = r.u8() as MessageType;
  r.pos = 8;
  const serial = r.u32();
  const fields = r.value('a(yv)') as Array<[number, { value: DbusValue }]>;
  const m: Message = { type, serial, body: [] };
  for (const [code, { value }] of fields) {
    if (code === FIELD.path) m.path = value as string;
    else if (code === FIELD.interface) m.interface = value as string;
    else if (code === FIELD.member) m.member = value as string;
    else if (code === FIELD.errorName) m.errorName = value as string;
    else if (code === FIELD.replySerial) m.replySerial = value as number;
    else if (code === FIELD.destination) m.destination = value as string;
    else if (code === FIELD.signature) m.signature = value as string;
  }
  r.align(8);
  m.body = splitSignature(m.signature ?? '').map((t) => r.value(t));
  return m;
}
