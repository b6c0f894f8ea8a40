import { Message, sessionBus, Variant, type MessageBus } from 'dbus-next';
import type { BusConnection, Call, ConnectBus } from '../../electron/vault/secret-service/dbus-client';
import { splitSignature, type DbusValue } from '../../electron/vault/secret-service/dbus-wire';

/**
 * The Secret Service reads' bus connection made with dbus-next, so the benchmark runs exactly the
 * same read (read-all.ts) over the library and over the built-in client. Values are converted
 * between the two shapes by signature: dbus-next holds dictionaries as objects, variants as
 * `Variant`, and `ay` as Buffer; the built-in client holds dictionaries as [key, value] pairs.
 */
export const connectDbusNext: ConnectBus = async (path, timeoutMs) => {
  const bus = sessionBus({ busAddress: `unix:socket=${path}` });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The D-Bus session bus did not answer.')), timeoutMs);
    bus.once('connect', () => (clearTimeout(timer), resolve()));
    bus.once('error', (e: Error) => (clearTimeout(timer), reject(e)));
  }).catch((e: unknown) => {
    bus.disconnect();
    throw e;
  });
  bus.on('error', () => undefined); // later errors reject the calls in flight
  return new DbusNextConnection(bus);
};

class DbusNextConnection implements BusConnection {
  constructor(private readonly bus: MessageBus) {}

  async call(c: Call): Promise<DbusValue[]> {
    const types = splitSignature(c.signature ?? '');
    const reply = await this.bus.call(
      new Message({
        destination: c.destination,
        path: c.path,
        interface: c.interface,
        member: c.member,
        signature: c.signature ?? '',
        body: (c.body ?? []).map((v, i) => toLibrary(types[i] ?? '', v)),
      }),
    );
    if (reply === null || (reply.signature ?? '') !== c.reply)
      throw new Error(`Unexpected D-Bus reply (signature '${reply?.signature ?? ''}').`);
    const replyTypes = splitSignature(c.reply);
    return (reply.body ?? []).map((v: unknown, i) => fromLibrary(replyTypes[i] ?? '', v));
  }

  flush(): void {
    // dbus-next writes each message as it is called.
  }

  close(): void {
    this.bus.disconnect();
  }
}

/** [key type, value type] of a dictionary's `a{kv}`. */
const dictTypes = (t: string): [string, string] => [t.slice(2, 3), t.slice(3, -1)];

function toLibrary(t: string, v: DbusValue): unknown {
  if (t === 'v') {
    const variant = v as { signature: string; value: DbusValue };
    return new Variant(variant.signature, toLibrary(variant.signature, variant.value));
  }
  if (t === 'ay') return Buffer.from(v as Uint8Array);
  if (t.startsWith('a{')) {
    const valueType = dictTypes(t)[1];
    return Object.fromEntries(
      (v as Array<[string, DbusValue]>).map(([k, x]) => [k, toLibrary(valueType, x)]),
    );
  }
  if (t.startsWith('a')) return (v as DbusValue[]).map((x) => toLibrary(t.slice(1), x));
  if (t.startsWith('(')) {
    const members = splitSignature(t.slice(1, -1));
    return (v as DbusValue[]).map((x, i) => toLibrary(members[i] ?? '', x));
  }
  return v;
}

function fromLibrary(t: string, v: unknown): DbusValue {
  if (t === 'v') {
    const variant = v as Variant;
    return { signature: variant.signature, value: fromLibrary(variant.signature, variant.value) };
  }
  if (t === 'ay') return v as Buffer;
  if (t.startsWith('a{')) {
    const valueType = dictTypes(t)[1];
    return Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromLibrary(valueType, x)]);
  }
  if (t.startsWith('a')) return (v as unknown[]).map((x) => fromLibrary(t.slice(1), x));
  if (t.startsWith('(')) {
    const members = splitSignature(t.slice(1, -1));
    return (v as unknown[]).map((x, i) => fromLibrary(members[i] ?? '', x));
  }
  return v as DbusValue;
}
