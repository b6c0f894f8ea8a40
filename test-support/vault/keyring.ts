import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createConnection } from 'node:net';

/** The keytar calls tests use to check the keychain behind the vault's back. */
export interface RawKeytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** keytar itself, for checks that must not go through the code under test. */
export async function rawKeytar(): Promise<RawKeytar> {
  const m = (await import('keytar')) as unknown as { default?: RawKeytar } & RawKeytar;
  return m.default ?? m;
}

/**
 * Every item of `service`, read while an app may still be writing to it: an item deleted between
 * keytar's search and its read (the app's keychain probe, say) fails the listing, so it is read again.
 */
export async function credentialsOf(service: string): Promise<Array<{ account: string; password: string }>> {
  const keytar = await rawKeytar();
  for (let attempt = 1; ; attempt++) {
    try {
      return await keytar.findCredentials(service);
    } catch (e) {
      if (attempt === 5 || !(e instanceof Error && e.message.startsWith('No such secret item'))) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Fails unless the test runs inside scripts/with-keyring.mjs: keyring tests must never touch the
 * user's own keyring, and locking one would lock the user out of theirs.
 */
export function requirePrivateKeyring(): void {
  if (process.env.KEYFOB_PRIVATE_KEYRING !== '1' || !process.env.KEYFOB_TEST_KEYRING_PASSWORD) {
    throw new Error(
      'Keyring tests need a private keyring: run them as `node scripts/with-keyring.mjs npx vitest run electron/vault`.',
    );
  }
}

/** A keychain service name no other suite uses, so each suite sees (and cleans up) only its own items. */
export function uniqueService(suite: string): string {
  return `Keyfob-test-${suite}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every item of `service` (the keyring must be unlocked: findCredentials crashes otherwise). */
export async function deleteService(service: string): Promise<number> {
  const keytar = await rawKeytar();
  const items = await keytar.findCredentials(service);
  for (const item of items) await keytar.deletePassword(service, item.account);
  return items.length;
}

const LOGIN = '/org/freedesktop/secrets/collection/login';

function gdbus(...args: string[]): string {
  return execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
}

/** True when the login collection of the private gnome-keyring is locked. */
export function isKeyringLocked(): boolean {
  const out = gdbus(
    '--object-path',
    LOGIN,
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    'org.freedesktop.Secret.Collection',
    'Locked',
  );
  return out.includes('true');
}

/** Locks the login collection through the Secret Service API (no prompt needed to lock). */
export function lockKeyring(): void {
  requirePrivateKeyring();
  gdbus(
    '--object-path',
    '/org/freedesktop/secrets',
    '--method',
    'org.freedesktop.Secret.Service.Lock',
    `['${LOGIN}']`,
  );
  if (!isKeyringLocked()) throw new Error('The test keyring did not lock.');
}

/**
 * The control socket of the gnome-keyring-daemon that owns org.freedesktop.secrets on this bus:
 * the daemon's pid from D-Bus, its listening sockets from /proc.
 */
function controlSocket(): string {
  const owner = execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      'org.freedesktop.secrets',
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  const pid = /uint32 (\d+)/.exec(owner)?.[1];
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return /socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      } catch {
        return undefined;
      }
    }),
  );
  for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n')) {
    const [, , , , , , inode, path] = line.trim().split(/\s+/);
    if (inode !== undefined && inodes.has(inode) && path?.endsWith('/control')) return path;
  }
  throw new Error(`gnome-keyring-daemon ${pid} has no control socket.`);
}

/**
 * Unlocks it again without a prompt, the way `gnome-keyring-daemon --unlock` talks to a running
 * daemon: over its control socket, a NUL credentials byte, then a packet
 * [u32 length][u32 op = 1 (UNLOCK)][u32 n][n bytes password], answered by [u32 8][u32 result, 0 = OK].
 * (Replacing the daemon with `--replace --unlock` works too, but leaves libsecret in this process
 * holding a dead session: "The session wrapping the secret does not exist".)
 * @see https://gitlab.gnome.org/GNOME/gnome-keyring/-/blob/main/daemon/control/gkd-control-client.c
 */
export async function unlockKeyring(): Promise<void> {
  requirePrivateKeyring();
  const password = Buffer.from(process.env.KEYFOB_TEST_KEYRING_PASSWORD ?? '', 'utf8');
  const packet = Buffer.alloc(12 + password.length);
  packet.writeUInt32BE(packet.length, 0);
  packet.writeUInt32BE(1, 4);
  packet.writeUInt32BE(password.length, 8);
  password.copy(packet, 12);
  const result = await new Promise<number>((resolve, reject) => {
    const socket = createConnection(controlSocket());
    let reply = Buffer.alloc(0);
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from([0]), packet])));
    socket.on('data', (d: Buffer) => {
      reply = Buffer.concat([reply, d]);
      if (reply.length >= 8) {
        socket.end();
        resolve(reply.readUInt32BE(4));
      }
    });
    socket.on('error', reject);
  });
  if (result !== 0 || isKeyringLocked())
    throw new Error(`The test keyring did not unlock (result ${result}).`);
}
