import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  encodeMessage,
  MAX_MESSAGE_BYTES,
  messageLength,
  MessageType,
  splitSignature,
  type DbusValue,
} from './dbus-wire';
import { hugeHeader } from '../../../test-support/secret-service/hostile-answers';

describe('D-Bus wire format', () => {
  it('splits signatures into complete types', () => {
    expect(splitSignature('a{ss}o')).toEqual(['a{ss}', 'o']);
    expect(splitSignature('aoo')).toEqual(['ao', 'o']);
    expect(splitSignature('a{o(oayays)}')).toEqual(['a{o(oayays)}']);
    expect(splitSignature('')).toEqual([]);
  });

  it.each([
    ['a{ss', /Invalid D-Bus dict entry/],
    ['(ss', /Unbalanced/],
    ['z', /Unsupported/],
    ['()', /Empty D-Bus struct/],
    ['a()', /Empty D-Bus struct/],
    ['a{vs}', /Invalid D-Bus dict key/],
    ['a{sss}', /Invalid D-Bus dict entry/],
    ['{ss}', /Unsupported/],
    ['a'.repeat(100) + 'y', /nests too deep/],
    ['y'.repeat(256), /too long/],
  ])('refuses the signature %j', (signature, error) => {
    expect(() => splitSignature(signature)).toThrow(error);
  });

  // Each body is what the Secret Service calls send or receive; alignment bugs show up as garbage.
  const bodies: Array<[string, DbusValue[]]> = [
    ['', []],
    ['ss', ['org.freedesktop.Secret.Item', 'Attributes']],
    ['sv', ['dh-ietf1024-sha256-aes128-cbc-pkcs7', { signature: 'ay', value: Uint8Array.from([0, 1, 255]) }]],
    [
      'a{ss}',
      [
        [
          ['service', 'Keyfob'],
          ['account', 'é-ünïcode ✓'],
        ],
      ],
    ],
    ['aoao', [['/a/1', '/a/22'], []]],
    ['a{o(oayays)}', [[['/i/1', ['/s/1', Uint8Array.from([1, 2]), Uint8Array.from([3]), 'text/plain']]]]],
    ['yuib', [7, 4_000_000_000, -5, true]],
    ['va{sv}', [{ signature: 'u', value: 9 }, [['k', { signature: 's', value: 'v' }]]]],
  ];
  it.each(bodies)('round-trips a body of signature %j', (signature, body) => {
    const bytes = encodeMessage({
      type: MessageType.MethodCall,
      serial: 42,
      destination: 'org.freedesktop.secrets',
      path: '/org/freedesktop/secrets',
      interface: 'org.freedesktop.Secret.Service',
      member: 'X',
      signature,
      body,
    });
    expect(bytes.length % 8 === 0 || body.length > 0).toBe(true);
    expect(messageLength(bytes)).toBe(bytes.length);
    const m = decodeMessage(bytes);
    expect(m).toMatchObject({
      type: MessageType.MethodCall,
      serial: 42,
      member: 'X',
      path: '/org/freedesktop/secrets',
    });
    expect(m.body).toEqual(body);
  });

  it('sizes a message only once its fixed header has arrived', () => {
    const bytes = encodeMessage({
      type: MessageType.MethodReturn,
      serial: 3,
      replySerial: 2,
      signature: 's',
      body: ['ok'],
    });
    expect(messageLength(bytes.subarray(0, 15))).toBe(0);
    expect(messageLength(bytes.subarray(0, 16))).toBe(bytes.length);
    expect(decodeMessage(bytes)).toMatchObject({ replySerial: 2, body: ['ok'] });
    expect(() => decodeMessage(bytes.subarray(0, bytes.length - 2))).toThrow(/Truncated/);
    expect(() => messageLength(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(/Not a D-Bus message/);
  });

  it('refuses a message claiming more than the cap before any of its body arrives', () => {
    expect(messageLength(hugeHeader(MAX_MESSAGE_BYTES - 16))).toBe(MAX_MESSAGE_BYTES);
    expect(() => messageLength(hugeHeader(MAX_MESSAGE_BYTES - 15))).toThrow(/too large/);
    expect(() => messageLength(hugeHeader(0xffffffff))).toThrow(/too large/);
  });

  it('a 10,000-item GetSecrets reply fits well under the cap', () => {
    const item = (i: number) => [
      `/org/freedesktop/secrets/collection/login/${1000 + i}`,
      ['/org/freedesktop/secrets/session/s1', new Uint8Array(16), new Uint8Array(48), 'text/plain'],
    ];
    const bytes = encodeMessage({
      type: MessageType.MethodReturn,
      serial: 9,
      replySerial: 8,
      signature: 'a{o(oayays)}',
      body: [Array.from({ length: 10_000 }, (_, i) => item(i)) as DbusValue],
    });
    expect(bytes.length).toBeLessThan(MAX_MESSAGE_BYTES / 3);
  });

  it('refuses variants nested beyond the limit instead of recursing without end', () => {
    // A reply whose one value is a variant holding a variant holding … 100 deep, then a byte.
    const nested = Buffer.concat([
      Buffer.from('\x01v\x00'.repeat(100), 'latin1'),
      Buffer.from([1, 0x79, 0, 7]),
    ]);
    const fields = encodeMessage({
      type: MessageType.MethodReturn,
      serial: 2,
      replySerial: 1,
      signature: 'v',
      body: [{ signature: 'y', value: 7 }],
    });
    const bodyStart = fields.length - 4; // the body of the real message is '\x01y\x00\x07'
    const msg = Buffer.concat([fields.subarray(0, bodyStart), nested]);
    msg.writeUInt32LE(nested.length, 4);
    expect(() => decodeMessage(msg)).toThrow(/nest too deep/);
  });

  it('reads big-endian messages too (the sender picks the byte order)', () => {
    // A reply to serial 1 with body 'u' = 7, written by hand in big-endian order.
    const header = Buffer.from([0x42, 2, 0, 1, 0, 0, 0, 4, 0, 0, 0, 9, 0, 0, 0, 15]);
    const fields = Buffer.from([5, 1, 0x75, 0, 0, 0, 0, 1, 8, 1, 0x67, 0, 1, 0x75, 0]);
    const msg = Buffer.concat([header, fields, Buffer.alloc(1), Buffer.from([0, 0, 0, 7])]);
    expect(messageLength(msg)).toBe(msg.length);
    expect(decodeMessage(msg)).toMatchObject({ type: MessageType.MethodReturn, replySerial: 1, body: [7] });
  });
});
