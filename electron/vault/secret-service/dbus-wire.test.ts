import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  encodeMessage,
  messageLength,
  MessageType,
  splitSignature,
  type DbusValue,
} from './dbus-wire';

describe('D-Bus wire format', () => {
  it('splits signatures into complete types', () => {
    expect(splitSignature('a{ss}o')).toEqual(['a{ss}', 'o']);
    expect(splitSignature('aoo')).toEqual(['ao', 'o']);
    expect(splitSignature('a{o(oayays)}')).toEqual(['a{o(oayays)}']);
    expect(splitSignature('')).toEqual([]);
    expect(() => splitSignature('a{ss')).toThrow(/Unbalanced/);
    expect(() => splitSignature('z')).toThrow(/Unsupported/);
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

  it('reads big-endian messages too (the sender picks the byte order)', () => {
    // A reply to serial 1 with body 'u' = 7, written by hand in big-endian order.
    const header = Buffer.from([0x42, 2, 0, 1, 0, 0, 0, 4, 0, 0, 0, 9, 0, 0, 0, 15]);
    const fields = Buffer.from([5, 1, 0x75, 0, 0, 0, 0, 1, 8, 1, 0x67, 0, 1, 0x75, 0]);
    const msg = Buffer.concat([header, fields, Buffer.alloc(1), Buffer.from([0, 0, 0, 7])]);
    expect(messageLength(msg)).toBe(msg.length);
    expect(decodeMessage(msg)).toMatchObject({ type: MessageType.MethodReturn, replySerial: 1, body: [7] });
  });
});
