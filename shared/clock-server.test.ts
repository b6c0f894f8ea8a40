import { describe, expect, it } from 'vitest';
import { formatServerAddress, normaliseServer, parseServerAddress } from './clock-server';

describe('parseServerAddress', () => {
  it.each([
    ['time.cloudflare.com', { host: 'time.cloudflare.com', port: 123 }],
    [' Time.Cloudflare.COM ', { host: 'time.cloudflare.com', port: 123 }],
    ['time.example.', { host: 'time.example.', port: 123 }],
    ['127.0.0.1:12345', { host: '127.0.0.1', port: 12345 }],
    ['localhost:1', { host: 'localhost', port: 1 }],
    ['ntp.example:65535', { host: 'ntp.example', port: 65535 }],
    ['2001:db8::1', { host: '2001:db8::1', port: 123 }],
    ['[2001:DB8::1]:4123', { host: '2001:db8::1', port: 4123 }],
    ['[::1]', { host: '::1', port: 123 }],
  ])('%s → %o', (text, address) => {
    expect(parseServerAddress(text)).toEqual(address);
  });

  it.each([
    [''],
    ['   '],
    ['ntp://time.example'],
    ['time.example:0'],
    ['time.example:65536'],
    ['time.example:12a'],
    ['time.example:'],
    ['-bad.example'],
    ['bad-.example'],
    ['two words'],
    ['user@time.example'],
    ['time.example/path'],
    ['a..b'],
    ['[time.example]:123'],
    ['2001:db8::1:123:zz'],
    [`${'a'.repeat(64)}.example`],
    [`${'a.'.repeat(131)}example`],
  ])('refuses %j', (text) => {
    expect(parseServerAddress(text)).toBeNull();
  });
});

describe('formatServerAddress and normaliseServer', () => {
  it.each([
    ['TIME.example:123', 'time.example'],
    ['time.example:4123', 'time.example:4123'],
    ['[2001:db8::1]:4123', '[2001:db8::1]:4123'],
    ['[2001:db8::1]:123', '2001:db8::1'],
    ['nonsense here', null],
  ])('%s → %s', (text, normal) => {
    expect(normaliseServer(text)).toBe(normal);
  });

  it('round-trips what it formats', () => {
    for (const address of [
      { host: 'a.example', port: 9 },
      { host: '::1', port: 123 },
      { host: '::1', port: 8123 },
    ])
      expect(parseServerAddress(formatServerAddress(address))).toEqual(address);
  });
});
