import { afterEach, describe, expect, it } from 'vitest';
import { sessionBusPath } from './dbus-client';
import { readSecretServiceItems } from './read-all';
import {
  startFakeBus,
  type FakeBus,
  type FakeHandler,
  type FakeItem,
} from '../../../test-support/secret-service/fake-bus';
import { hugeHeader, WRONG_ANSWERS } from '../../../test-support/secret-service/hostile-answers';

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
  it.each(WRONG_ANSWERS.map((w) => [w.name, w] as const))('%s, at once', async (_name, wrong) => {
    const { items, ms } = await readThrough(wrong.handlers, wrong.auth);
    expect(items).toBeNull();
    expect(ms).toBeLessThan(TIMEOUT_MS / 2);
  });

  it('silence (no reply at all), at the timeout', async () => {
    const { items, ms } = await readThrough({ GetSecrets: () => 'silence' });
    expect(items).toBeNull();
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
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
