import { afterEach, describe, expect, it } from 'vitest';
import { sessionBusPath } from './dbus-client';
import { MAX_MESSAGE_BYTES, MessageType } from './dbus-wire';
import { MAX_ITEMS, readSecretServiceItems } from './read-all';
import { startFakeBus, type FakeBus, type FakeHandler, type FakeItem } from './testing/fake-bus';

// The batch reader against a fake session bus that answers one call wrongly. Whatever the bus
// does, the reader answers null (and the vault reads through keytar instead): never an exception,
// never a hang past its timeout, never a huge buffer. No keyring involved.
const SERVICE = 'Keyfob hostile-bus test';
const ITEMS: FakeItem[] = [
  { service: SERVICE, account: 'id-1', secret: 'JBSWY3DPEHPK3PXP' },
  { service: SERVICE, account: 'id-2', secret: 'GEZDGNBVGY3TQOJQ' },
  { service: 'Someone else', account: 'x', secret: 'MZXW6YTBOI' },
];

/** The batch read's timeout here; a refused reply must end the read well before it. */
const TIMEOUT_MS = 2000;

let bus: FakeBus | undefined;
const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
afterEach(async () => {
  process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  await bus?.close();
  bus = undefined;
});

async function readThrough(handlers: Partial<Record<string, FakeHandler>>, auth?: string) {
  bus = await startFakeBus(ITEMS, handlers, auth);
  process.env.DBUS_SESSION_BUS_ADDRESS = bus.address;
  const started = performance.now();
  const items = await readSecretServiceItems(SERVICE, { timeoutMs: TIMEOUT_MS });
  return { items, ms: performance.now() - started };
}

/** A reply header claiming `bodyLength` bytes of body, with no body behind it. */
function hugeHeader(bodyLength: number): Buffer {
  const h = Buffer.alloc(16);
  h.set([0x6c, MessageType.MethodReturn, 0, 1]);
  h.writeUInt32LE(bodyLength, 4);
  h.writeUInt32LE(77, 8);
  h.writeUInt32LE(0, 12);
  return h;
}

describe('the fake bus itself', () => {
  it('answers well when told nothing else: both items of the service, decrypted', async () => {
    const { items } = await readThrough({});
    expect(items).toEqual(
      new Map([
        ['id-1', 'JBSWY3DPEHPK3PXP'],
        ['id-2', 'GEZDGNBVGY3TQOJQ'],
      ]),
    );
    expect(bus?.calls).toEqual(['Hello', 'SearchItems', 'Get', 'Get', 'OpenSession', 'GetSecrets']);
  });
});

describe('a bus that answers wrongly makes the batch read answer null', () => {
  it.each<[string, Partial<Record<string, FakeHandler>>]>([
    ['Hello with a number', { Hello: () => ({ signature: 'u', body: [1] }) }],
    ['SearchItems with one list', { SearchItems: () => ({ signature: 'ao', body: [['/a']] }) }],
    ['SearchItems with strings', { SearchItems: () => ({ signature: 'asas', body: [['/a'], []] }) }],
    [
      'OpenSession with text for a key',
      {
        OpenSession: (_m, ok) => {
          const good = ok() as unknown as { body: [unknown, string] };
          return { signature: 'vo', body: [{ signature: 's', value: 'not a key' }, good.body[1]] };
        },
      },
    ],
    [
      'OpenSession with a 1 MB key',
      {
        OpenSession: (_m, ok) => {
          const good = ok() as unknown as { body: [unknown, string] };
          return {
            signature: 'vo',
            body: [{ signature: 'ay', value: new Uint8Array(1 << 20).fill(7) }, good.body[1]],
          };
        },
      },
    ],
    [
      'GetSecrets of another shape',
      { GetSecrets: () => ({ signature: 'a{os}', body: [[['/x', 'secret']]] }) },
    ],
    ['a reply header claiming 100 MB', { SearchItems: () => ({ raw: hugeHeader(100 * 1024 * 1024) }) }],
    [
      'a reply header claiming just over the cap',
      { SearchItems: () => ({ raw: hugeHeader(MAX_MESSAGE_BYTES) }) },
    ],
    [
      'bytes that are not D-Bus',
      { SearchItems: () => ({ raw: Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n') }) },
    ],
    ['random bytes', { Hello: () => ({ raw: Buffer.from('6c02000100000000ffffffffffffffff0000', 'hex') }) }],
    [
      'a signature that never ends',
      { SearchItems: () => ({ signature: 'a'.repeat(40) + 'y', body: [new Uint8Array(0)] }) },
    ],
    [
      'more items than any vault',
      {
        SearchItems: () => ({
          signature: 'aoao',
          body: [Array.from({ length: MAX_ITEMS + 1 }, (_, i) => `/i/${i}`), []],
        }),
      },
    ],
  ])('%s, at once', async (_name, handlers) => {
    const { items, ms } = await readThrough(handlers);
    expect(items).toBeNull();
    expect(ms).toBeLessThan(TIMEOUT_MS / 2);
  });

  it('silence (no reply at all), at the timeout', async () => {
    const { items, ms } = await readThrough({ GetSecrets: () => 'silence' });
    expect(items).toBeNull();
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
  });

  it.each([
    ['a refusal', 'REJECTED EXTERNAL\r\n'],
    ['a kilobyte without a line end', 'x'.repeat(1024)],
  ])('authentication answered with %s, at once', async (_name, auth) => {
    const { items, ms } = await readThrough({}, auth);
    expect(items).toBeNull();
    expect(ms).toBeLessThan(TIMEOUT_MS / 2);
  });

  it('an item whose attributes are not a string dictionary is only left out', async () => {
    const { items } = await readThrough({
      Get: (m, ok) =>
        m.path?.endsWith('/1') ? { signature: 'v', body: [{ signature: 'as', value: ['id-1'] }] } : ok(),
    });
    expect(items).toEqual(new Map([['id-2', 'GEZDGNBVGY3TQOJQ']]));
  });

  it('ends the connection on an oversized header instead of buffering the body', async () => {
    await readThrough({ SearchItems: () => ({ raw: hugeHeader(100 * 1024 * 1024) }) });
    await expect.poll(() => bus?.closed).toBe(1);
  });
});

describe('the session bus address', () => {
  it.each([
    ['unix:path=/run/user/1000/bus', '/run/user/1000/bus'],
    ['unix:path=/tmp/a%20b', '/tmp/a b'],
    ['unix:abstract=/tmp/dbus-x,guid=1', '\0/tmp/dbus-x'],
    ['tcp:host=localhost,port=1;unix:path=/b', '/b'],
    ['unix:path=/tmp/%zz', undefined],
    ['unix:abstract=%E0%A4%A', undefined],
    ['tcp:host=localhost,port=1', undefined],
    ['garbage', undefined],
  ])('%j → %j', (address, path) => {
    expect(sessionBusPath({ DBUS_SESSION_BUS_ADDRESS: address })).toBe(path);
  });

  it('a malformed address makes the batch read answer null, not throw', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/tmp/%zz';
    await expect(readSecretServiceItems(SERVICE, { timeoutMs: 500 })).resolves.toBeNull();
  });
});
