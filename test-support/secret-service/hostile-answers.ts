import { MAX_MESSAGE_BYTES, MessageType } from '../../electron/vault/secret-service/dbus-wire';
import { MAX_ITEMS } from '../../electron/vault/secret-service/read-all';
import type { FakeHandler } from './fake-bus';

/** One way a session bus can answer wrongly: replies to replace, or the authentication line. */
export interface WrongAnswer {
  name: string;
  handlers: Partial<Record<string, FakeHandler>>;
  auth?: string;
}

/** A reply header claiming `bodyLength` bytes of body, with no body behind it. */
export function hugeHeader(bodyLength: number): Buffer {
  const h = Buffer.alloc(16);
  h.set([0x6c, MessageType.MethodReturn, 0, 1]);
  h.writeUInt32LE(bodyLength, 4);
  h.writeUInt32LE(77, 8);
  h.writeUInt32LE(0, 12);
  return h;
}

/**
 * A method return laid out by hand from the D-Bus specification, so it can carry what no encoder
 * would write: header fields REPLY_SERIAL (5, `u`) and SIGNATURE (8, `g`), then `body` as given.
 */
export function handMadeReply(replySerial: number, signature: string, body: Buffer): Buffer {
  const fields = Buffer.alloc(16 + signature.length);
  fields.set([5, 1, 0x75, 0]); // field 5, variant of signature "u"
  fields.writeUInt32LE(replySerial, 4);
  fields.set([8, 1, 0x67, 0, signature.length], 8); // field 8, variant of signature "g"
  fields.write(signature, 13, 'latin1');
  const fieldsLength = 13 + signature.length + 1;
  const header = Buffer.alloc(16);
  header.set([0x6c, MessageType.MethodReturn, 0, 1]);
  header.writeUInt32LE(body.length, 4);
  header.writeUInt32LE(4242, 8);
  header.writeUInt32LE(fieldsLength, 12);
  const padded = Buffer.alloc(Math.ceil((16 + fieldsLength) / 8) * 8 - 16);
  fields.copy(padded, 0, 0, fieldsLength);
  return Buffer.concat([header, padded, body]);
}

/** A variant of signature `a()` holding an 8-byte array: elements of no size, so no end to them. */
function emptyStructsVariant(): Buffer {
  const body = Buffer.alloc(24);
  body.set([3, 0x61, 0x28, 0x29, 0]); // signature "a()"
  body.writeUInt32LE(8, 8); // array length, then its 8-aligned (empty) elements
  return body;
}

const keyOf = (ok: () => unknown) => (ok() as { body: [unknown, string] }).body[1];

/**
 * Wrong answers that must make the batch read answer null at once (and the vault read through
 * keytar): never an exception, never a hang, never a huge buffer.
 */
export const WRONG_ANSWERS: WrongAnswer[] = [
  { name: 'Hello with a number', handlers: { Hello: () => ({ signature: 'u', body: [1] }) } },
  {
    name: 'SearchItems with one list',
    handlers: { SearchItems: () => ({ signature: 'ao', body: [['/a']] }) },
  },
  {
    name: 'SearchItems with strings',
    handlers: { SearchItems: () => ({ signature: 'asas', body: [['/a'], []] }) },
  },
  {
    name: 'OpenSession with text for a key',
    handlers: {
      OpenSession: (_m, ok) => ({
        signature: 'vo',
        body: [{ signature: 's', value: 'not a key' }, keyOf(ok)],
      }),
    },
  },
  {
    name: 'OpenSession with a 1 MB key',
    handlers: {
      OpenSession: (_m, ok) => ({
        signature: 'vo',
        body: [{ signature: 'ay', value: new Uint8Array(1 << 20).fill(7) }, keyOf(ok)],
      }),
    },
  },
  {
    name: 'GetSecrets of another shape',
    handlers: { GetSecrets: () => ({ signature: 'a{os}', body: [[['/x', 'secret']]] }) },
  },
  {
    name: 'a reply header claiming 100 MB',
    handlers: { SearchItems: () => ({ raw: hugeHeader(100 * 1024 * 1024) }) },
  },
  {
    name: 'a reply header claiming just over the cap',
    handlers: { SearchItems: () => ({ raw: hugeHeader(MAX_MESSAGE_BYTES) }) },
  },
  {
    name: 'bytes that are not D-Bus',
    handlers: { SearchItems: () => ({ raw: Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n') }) },
  },
  {
    name: 'random bytes',
    handlers: { Hello: () => ({ raw: Buffer.from('6c02000100000000ffffffffffffffff0000', 'hex') }) },
  },
  {
    name: 'a signature that never ends',
    handlers: { SearchItems: () => ({ signature: 'a'.repeat(40) + 'y', body: [new Uint8Array(0)] }) },
  },
  {
    name: 'a reply signature with an unknown type',
    handlers: { SearchItems: (m) => ({ raw: handMadeReply(m.serial, 'z', Buffer.alloc(8)) }) },
  },
  {
    name: 'a variant holding an array of empty structs',
    handlers: { Get: (m) => ({ raw: handMadeReply(m.serial, 'v', emptyStructsVariant()) }) },
  },
  {
    name: 'more items than any vault',
    handlers: {
      SearchItems: () => ({
        signature: 'aoao',
        body: [Array.from({ length: MAX_ITEMS + 1 }, (_, i) => `/i/${i}`), []],
      }),
    },
  },
  { name: 'authentication refused', handlers: {}, auth: 'REJECTED EXTERNAL\r\n' },
  { name: 'authentication: a kilobyte without a line end', handlers: {}, auth: 'x'.repeat(1024) },
];
