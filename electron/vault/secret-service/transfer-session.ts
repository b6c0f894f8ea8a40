import { createDecipheriv } from 'node:crypto';
import { DbusClient, sessionBusPath, type BusConnection, type ConnectBus } from './dbus-client';
import type { DbusValue } from './dbus-wire';
import { SessionKeyExchange } from './session-key';

export const SECRETS = 'org.freedesktop.secrets';
export const SERVICE_PATH = '/org/freedesktop/secrets';
export const SERVICE_IFACE = 'org.freedesktop.Secret.Service';

/** An encrypted Secret Service transfer session: secrets cross D-Bus as AES-128-CBC, never plain. */
export interface TransferSession {
  path: string;
  /** A received secret's text, or null when it does not decrypt. */
  decrypt(iv: Uint8Array, value: Uint8Array): string | null;
}

/**
 * Opens a dh-ietf1024-sha256-aes128-cbc-pkcs7 session, as libsecret does. About 1 exchange in 256
 * is declined (a shared secret with a leading zero byte, see session-key.ts), so a few fresh
 * exchanges are tried; null only if all of them are.
 */
export async function openSession(client: BusConnection, attempts = 4): Promise<TransferSession | null> {
  for (let i = 0; i < attempts; i++) {
    const session = await tryOpenSession(client);
    if (session !== null) return session;
  }
  return null;
}

async function tryOpenSession(client: BusConnection): Promise<TransferSession | null> {
  const exchange = new SessionKeyExchange();
  const [output, path] = (await client.call({
    destination: SECRETS,
    path: SERVICE_PATH,
    interface: SERVICE_IFACE,
    member: 'OpenSession',
    signature: 'sv',
    body: ['dh-ietf1024-sha256-aes128-cbc-pkcs7', { signature: 'ay', value: exchange.publicKey }],
    reply: 'vo',
  })) as [{ signature: string; value: DbusValue }, string];
  // The service's public key: bytes, about as long as ours. Anything else ends this path.
  if (output.signature !== 'ay' || (output.value as Uint8Array).length > 2 * exchange.publicKey.length)
    throw new Error('The Secret Service answered OpenSession with something other than a key.');
  const key = exchange.aesKey(output.value as Uint8Array);
  if (key === null) return null;
  return {
    path,
    decrypt(iv, value) {
      try {
        const d = createDecipheriv('aes-128-cbc', key, iv);
        return Buffer.concat([d.update(value), d.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/** The built-in client's connection. */
const connectBuiltIn: ConnectBus = (path, timeoutMs) => DbusClient.connect(path, timeoutMs);

/**
 * Runs `work` on a fresh session-bus connection (made by `connect`), closed afterwards. Null —
 * never an exception — when there is no session bus, anything fails, `work` says null, or
 * `timeoutMs` passes (a daemon that hangs or shows a prompt): callers then go through keytar,
 * whose errors say what is wrong.
 */
export async function withSecretService<T>(
  timeoutMs: number,
  work: (client: BusConnection) => Promise<T | null>,
  connect: ConnectBus = connectBuiltIn,
): Promise<T | null> {
  try {
    return await runWithTimeout(timeoutMs, work, connect);
  } catch {
    return null;
  }
}

async function runWithTimeout<T>(
  timeoutMs: number,
  work: (client: BusConnection) => Promise<T | null>,
  connect: ConnectBus,
): Promise<T | null> {
  const path = sessionBusPath();
  if (path === undefined) return null;
  let client: BusConnection | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      client?.close();
      resolve(null);
    }, timeoutMs);
    timer.unref();
  });
  const run = (async () => {
    client = await connect(path, timeoutMs);
    try {
      return await work(client);
    } finally {
      client.close();
    }
  })().catch(() => null);
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
