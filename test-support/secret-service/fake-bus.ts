import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeMessage,
  encodeMessage,
  messageLength,
  MessageType,
} from '../../electron/vault/secret-service/dbus-wire';
import type { DbusValue, Message } from '../../electron/vault/secret-service/dbus-wire';
import { SessionKeyExchange } from '../../electron/vault/secret-service/session-key';

/** What a handler sends back: a reply body with its signature, raw bytes, or nothing at all. */
export type FakeAnswer = { signature: string; body: DbusValue[] } | { raw: Buffer } | 'silence';

/** Answers one method call; `reply` builds the well-behaved answer for comparison or reuse. */
export type FakeHandler = (call: Message, wellBehaved: () => FakeAnswer) => FakeAnswer;

/** The items a fake Secret Service holds: keytar-style attributes and the secret text. */
export interface FakeItem {
  service: string;
  account: string;
  secret: string;
}

/** A running fake session bus. */
export interface FakeBus {
  /** For DBUS_SESSION_BUS_ADDRESS. */
  address: string;
  /** Members called so far, in order (Hello, SearchItems, Get, OpenSession, GetSecrets…). */
  readonly calls: string[];
  /** Connections the client closed (a refused reply should end the connection). */
  readonly closed: number;
  close(): Promise<void>;
}

const COLLECTION = '/org/freedesktop/secrets/collection/login';

/**
 * A unix socket that speaks just enough D-Bus to stand in for a session bus with a Secret Service:
 * EXTERNAL authentication (`auth` replaces the server's line), Hello, SearchItems, Properties.Get of
 * Attributes, OpenSession (the real dh-ietf1024 exchange) and GetSecrets (AES-128-CBC, as the spec
 * says). Every answer goes through `handlers[member]` when one is given, so a test can make exactly
 * one reply wrong: another signature, an oversized header, garbage, or silence.
 */
export async function startFakeBus(
  items: FakeItem[],
  handlers: Partial<Record<string, FakeHandler>> = {},
  auth = `OK ${'0123456789abcdef'.repeat(2)}\r\n`,
): Promise<FakeBus> {
  const dir = mkdtempSync(join(tmpdir(), 'keyfob-fake-bus-'));
  const path = join(dir, 'bus');
  const calls: string[] = [];
  let closed = 0;
  const paths = items.map((_, i) => `${COLLECTION}/${i + 1}`);
  const sessions = new Map<string, Buffer>();

  const wellBehaved = (m: Message): FakeAnswer => {
    switch (m.member) {
      case 'Hello':
        return { signature: 's', body: [':1.42'] };
      case 'SearchItems': {
        const wanted = new Map(m.body[0] as Array<[string, string]>).get('service');
        return { signature: 'aoao', body: [paths.filter((_, i) => items[i]?.service === wanted), []] };
      }
      case 'Get': {
        const item = items[paths.indexOf(m.path ?? '')];
        const attributes: Array<[string, string]> =
          item === undefined
            ? []
            : [
                ['service', item.service],
                ['account', item.account],
                ['xdg:schema', 'org.freedesktop.Secret.Generic'],
              ];
        return { signature: 'v', body: [{ signature: 'a{ss}', value: attributes }] };
      }
      case 'OpenSession': {
        const exchange = new SessionKeyExchange();
        const peer = (m.body[1] as { value: Uint8Array }).value;
        const key = exchange.aesKey(peer);
        const session = `/org/freedesktop/secrets/session/s${sessions.size + 1}`;
        if (key !== null) sessions.set(session, key);
        return { signature: 'vo', body: [{ signature: 'ay', value: exchange.publicKey }, session] };
      }
      case 'GetSecrets': {
        const [wanted, session] = m.body as [string[], string];
        const key = sessions.get(session) ?? Buffer.alloc(16);
        const secrets = wanted.map((p) => {
          const iv = randomBytes(16);
          const cipher = createCipheriv('aes-128-cbc', key, iv);
          const text = items[paths.indexOf(p)]?.secret ?? '';
          const value = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
          return [p, [session, new Uint8Array(iv), new Uint8Array(value), 'text/plain']];
        });
        return { signature: 'a{o(oayays)}', body: [secrets as DbusValue] };
      }
      default:
        return { signature: '', body: [] };
    }
  };

  const answer = (socket: Socket, m: Message) => {
    calls.push(m.member ?? '');
    const handler = handlers[m.member ?? ''];
    const a = handler ? handler(m, () => wellBehaved(m)) : wellBehaved(m);
    if (a === 'silence') return;
    if ('raw' in a) return void socket.write(a.raw);
    socket.write(
      encodeMessage({
        type: MessageType.MethodReturn,
        serial: 1000 + calls.length,
        replySerial: m.serial,
        ...a,
      }),
    );
  };

  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let inbox = Buffer.alloc(0);
    let stage: 'auth' | 'begin' | 'messages' = 'auth';
    socket.on('error', () => undefined);
    socket.on('close', () => closed++);
    socket.on('data', (chunk: Buffer) => {
      inbox = Buffer.concat([inbox, chunk]);
      for (;;) {
        if (stage !== 'messages') {
          const end = inbox.indexOf('\r\n');
          if (end < 0) return;
          inbox = inbox.subarray(end + 2);
          if (stage === 'auth') socket.write(auth);
          stage = stage === 'auth' ? 'begin' : 'messages';
          continue;
        }
        const length = messageLength(inbox);
        if (length === 0 || inbox.length < length) return;
        const m = decodeMessage(inbox.subarray(0, length));
        inbox = inbox.subarray(length);
        answer(socket, m);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    address: `unix:path=${path}`,
    calls,
    get closed() {
      return closed;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
