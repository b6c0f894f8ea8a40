import { connect, type Socket } from 'node:net';
import {
  decodeMessage,
  encodeMessage,
  messageLength,
  MessageType,
  type DbusValue,
  type Message,
} from './dbus-wire';

/** A D-Bus error reply, e.g. org.freedesktop.DBus.Error.ServiceUnknown. */
export class DbusError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(`${errorName}: ${message}`);
  }
}

/** One method call, and the signature its reply must have (anything else is refused). */
export interface Call {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: DbusValue[];
  /** The reply body's signature, e.g. 'aoao' for SearchItems; '' for none. */
  reply: string;
}

/**
 * What the Secret Service reads need from a session-bus connection. The built-in client below
 * provides it; the benchmark runs the same reads over a D-Bus library through it as well.
 */
export interface BusConnection {
  /** Sends one method call (many may be in flight); resolves with a reply body of signature `c.reply`. */
  call(c: Call): Promise<DbusValue[]>;
  /** Sends the calls queued so far now rather than at the end of this tick. */
  flush(): void;
  close(): void;
}

/** Opens an authenticated connection to the bus listening at `path`, or rejects within `timeoutMs`. */
export type ConnectBus = (path: string, timeoutMs: number) => Promise<BusConnection>;

/** The longest authentication line a bus sends ("OK <32 hex digits>"); more is not a bus. */
const MAX_AUTH_LINE = 512;

/**
 * The session bus's socket path from DBUS_SESSION_BUS_ADDRESS (`unix:path=` or Linux's
 * `unix:abstract=`), else systemd's per-user bus. Undefined when there is no unix address to use —
 * including an address that does not parse (a stray `%`): never an exception.
 */
export function sessionBusPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return parseBusAddress(env);
  } catch {
    return undefined;
  }
}

function parseBusAddress(env: NodeJS.ProcessEnv): string | undefined {
  const address = env.DBUS_SESSION_BUS_ADDRESS;
  if (address === undefined || address === '') {
    return env.XDG_RUNTIME_DIR ? `${env.XDG_RUNTIME_DIR}/bus` : undefined;
  }
  for (const candidate of address.split(';')) {
    const [transport, rest = ''] = candidate.split(/:(.*)/s);
    if (transport !== 'unix') continue;
    const keys = new Map(
      rest.split(',').map((kv) => {
        const [k = '', v = ''] = kv.split(/=(.*)/s);
        return [k, decodeURIComponent(v)] as const;
      }),
    );
    const path = keys.get('path');
    if (path !== undefined) return path;
    const abstract = keys.get('abstract');
    if (abstract !== undefined) return `\0${abstract}`;
  }
  return undefined;
}

interface Waiter {
  reply: string;
  resolve: (m: Message) => void;
  reject: (e: Error) => void;
}

/**
 * A minimal session-bus client: EXTERNAL auth, Hello, and pipelined method calls (many calls in
 * flight on one socket; replies matched by serial). Signals are ignored. Whatever the bus sends is
 * checked: bytes that are not D-Bus, a message over MAX_MESSAGE_BYTES (refused from its header,
 * before buffering) or malformed end the connection; a reply of another signature than the call
 * expects rejects that call.
 */
export class DbusClient implements BusConnection {
  private serial = 0;
  private readonly pending = new Map<number, Waiter>();
  private inbox: Buffer = Buffer.alloc(0);
  private closedWith: Error | undefined;
  private outbox: Buffer[] = [];
  private flushQueued = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('The D-Bus connection closed.')));
  }

  /** Connects and authenticates; rejects within `timeoutMs` when the bus does not answer. */
  static async connect(path: string, timeoutMs: number): Promise<DbusClient> {
    const socket = connect({ path });
    const timer = setTimeout(
      () => socket.destroy(new Error('The D-Bus session bus did not answer.')),
      timeoutMs,
    );
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      await authenticate(socket);
    } catch (e) {
      socket.destroy();
      throw e;
    } finally {
      clearTimeout(timer);
    }
    const client = new DbusClient(socket);
    await client.call({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
      member: 'Hello',
      reply: 's',
    });
    return client;
  }

  call(c: Call): Promise<DbusValue[]> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const serial = ++this.serial;
    const bytes = encodeMessage({
      type: MessageType.MethodCall,
      serial,
      destination: c.destination,
      path: c.path,
      interface: c.interface,
      member: c.member,
      signature: c.signature,
      body: c.body ?? [],
    });
    // Calls made in one tick leave in one write: 500 writes cost more than the messages themselves.
    this.outbox.push(bytes);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
    return new Promise<Message>((resolve, reject) =>
      this.pending.set(serial, { reply: c.reply, resolve, reject }),
    ).then((m) => m.body);
  }

  flush(): void {
    this.flushQueued = false;
    if (this.outbox.length === 0) return;
    const all = Buffer.concat(this.outbox);
    this.outbox = [];
    this.socket.write(all);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.inbox = this.inbox.length === 0 ? chunk : Buffer.concat([this.inbox, chunk]);
    for (;;) {
      let length: number;
      try {
        length = messageLength(this.inbox);
      } catch (e) {
        this.fail(e as Error);
        this.socket.destroy();
        return;
      }
      if (length === 0 || this.inbox.length < length) return;
      const raw = this.inbox.subarray(0, length);
      this.inbox = this.inbox.subarray(length);
      this.deliver(raw);
    }
  }

  private deliver(raw: Buffer): void {
    let m: Message;
    try {
      m = decodeMessage(raw);
    } catch (e) {
      this.fail(e as Error);
      this.socket.destroy();
      return;
    }
    if (m.replySerial === undefined) return; // a signal or a call to us: not ours to answer
    const waiter = this.pending.get(m.replySerial);
    if (!waiter) return;
    this.pending.delete(m.replySerial);
    if (m.type === MessageType.Error) {
      const text = typeof m.body[0] === 'string' ? m.body[0].slice(0, 200) : '';
      waiter.reject(new DbusError(m.errorName ?? 'org.freedesktop.DBus.Error.Failed', text));
    } else if (m.type !== MessageType.MethodReturn || (m.signature ?? '') !== waiter.reply) {
      waiter.reject(new Error(`Unexpected D-Bus reply (signature '${m.signature ?? ''}').`));
    } else waiter.resolve(m);
  }

  private fail(e: Error): void {
    this.closedWith ??= e;
    for (const waiter of this.pending.values()) waiter.reject(e);
    this.pending.clear();
  }
}

/** SASL EXTERNAL with our uid, as every D-Bus daemon accepts on a unix socket. */
async function authenticate(socket: Socket): Promise<void> {
  const uid = process.getuid?.() ?? 0;
  socket.write(`\0AUTH EXTERNAL ${Buffer.from(String(uid), 'ascii').toString('hex')}\r\n`);
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('ascii');
      if (!text.includes('\r\n')) {
        if (text.length > MAX_AUTH_LINE) {
          socket.off('data', onData);
          reject(new Error('The D-Bus session bus sent no valid authentication reply.'));
        }
        return;
      }
      socket.off('data', onData);
      socket.off('error', reject);
      resolve(text.slice(0, text.indexOf('\r\n')));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  if (!line.startsWith('OK ')) throw new Error(`The D-Bus session bus refused authentication (${line}).`);
  socket.write('BEGIN\r\n');
}
