import { randomBytes } from 'node:crypto';
import { base32Encode } from '../../core';
import type { BusConnection, ConnectBus } from './dbus-client';
import type { DbusValue } from './dbus-wire';
import { INDEX_KEY_ID, itemMac, loadIndex, saveIndex, verifyMac, type IndexFile } from './item-index';
import { openSession, SECRETS, SERVICE_IFACE, SERVICE_PATH, withSecretService } from './transfer-session';

/** keytar's libsecret schema: attributes `service` and `account`. */
const KEYTAR_SCHEMA = 'org.freedesktop.Secret.Generic';
const BASE32 = /^[A-Z2-7]+$/;
/** More items of one service than a vault ever holds (a fake or broken bus): read through keytar instead. */
export const MAX_ITEMS = 50_000;

export interface BatchReadOptions {
  /** Where to remember which item holds which account (item-index.ts); none: look every item up. */
  indexFile?: string;
  /** Stores a keychain item through the normal (keytar) path; used once, to create the index key. */
  store?: (id: string, secret: string) => Promise<void>;
  timeoutMs?: number;
  /** Told how many items needed an attribute lookup (tests and the benchmark check the index works). */
  onLookups?: (count: number) => void;
  /** The D-Bus client carrying the calls; the built-in one unless given (the benchmark compares clients). */
  connect?: ConnectBus;
}

/**
 * Every keytar item of `service` in a few Secret Service calls: SearchItems, one GetSecrets for all
 * of them, and — only for items the verified index doesn't know — their attributes, pipelined on
 * one connection. keytar (libsecret) needs several round trips per item (figures in docs/storage.md).
 *
 * Items it can't vouch for are left out of the map (callers read those through keytar).
 * Secrets travel encrypted like libsecret's own (dh-ietf1024-sha256-aes128-cbc-pkcs7), never in
 * the "plain" session. Returns null — and the caller reads item by item through keytar, which
 * reports the real reason — whenever this path can't answer: no session bus, no Secret Service,
 * any locked item, or any failure at all.
 */
export async function readSecretServiceItems(
  service: string,
  options: BatchReadOptions = {},
): Promise<Map<string, string> | null> {
  try {
    return await batchRead(service, options);
  } catch {
    return null; // the promise above: never an exception, keytar's path explains any problem
  }
}

async function batchRead(service: string, options: BatchReadOptions): Promise<Map<string, string> | null> {
  const index = options.indexFile === undefined ? null : loadIndex(options.indexFile);
  const result = await withSecretService(
    options.timeoutMs ?? 5000,
    async (client) => readAll(client, service, await index),
    options.connect,
  );
  if (result === null) return null;
  options.onLookups?.(result.lookups);
  if (options.indexFile === undefined) return result.items;
  try {
    if (result.index !== undefined) await saveIndex(options.indexFile, result.index);
    if (result.needsKey && options.store) await options.store(INDEX_KEY_ID, base32Encode(randomBytes(32)));
  } catch {
    // The index is only a cache; the secrets read are right either way.
  }
  return result.items;
}

interface ReadResult {
  items: Map<string, string>;
  /** A new index to save, when this read learned something. */
  index?: IndexFile;
  /** No index key in the keychain yet. */
  needsKey: boolean;
  lookups: number;
}

async function readAll(
  client: BusConnection,
  service: string,
  index: IndexFile | null,
): Promise<ReadResult | null> {
  const call = (member: string, signature: string, body: DbusValue[], reply: string) =>
    client.call({
      destination: SECRETS,
      path: SERVICE_PATH,
      interface: SERVICE_IFACE,
      member,
      signature,
      body,
      reply,
    });
  const [unlocked, locked] = (await call('SearchItems', 'a{ss}', [[['service', service]]], 'aoao')) as [
    string[],
    string[],
  ];
  // A locked item can't be read without an unlock prompt; keytar's path explains the lock. More
  // items than any vault holds is not an answer to trust either.
  if (locked.length > 0 || unlocked.length > MAX_ITEMS) return null;
  if (unlocked.length === 0) return { items: new Map(), needsKey: false, lookups: 0 };
  const accountsOf = (paths: string[]) =>
    Promise.all(
      paths.map((item) =>
        client.call({
          destination: SECRETS,
          path: item,
          interface: 'org.freedesktop.DBus.Properties',
          member: 'Get',
          signature: 'ss',
          body: ['org.freedesktop.Secret.Item', 'Attributes'],
          reply: 'v',
        }),
      ),
    ).then((replies) => replies.map((r) => keytarAccount(r[0], service)));
  // Attribute reads for unindexed items (always including the index key's own item, so the key
  // is never taken on trust) go out before the session's key maths, so the daemon works through
  // them (its slowest part) while this process computes.
  const unknown = unlocked.filter((p) => index?.items[p] === undefined);
  const firstLookups = accountsOf(unknown);
  firstLookups.catch(() => undefined); // awaited below, unless the session is declined first
  client.flush();
  const session = await openSession(client);
  if (session === null) return null;
  const [[secrets], firstAccounts] = await Promise.all([
    call('GetSecrets', 'aoo', [unlocked, session.path], 'a{o(oayays)}') as Promise<
      [Array<[string, DbusValue[]]>]
    >,
    firstLookups,
  ]);
  const secretAt = new Map<string, string>();
  for (const [item, s] of secrets) {
    const text = session.decrypt(s[1] as Uint8Array, s[2] as Uint8Array);
    // A wrong key decrypts to garbage that may still pass the padding check; stored secrets are
    // base32 (or keyfob's probe marker). Anything else is left out, and read again through keytar.
    if (text !== null && (BASE32.test(text) || text === 'probe')) secretAt.set(item, text);
  }

  const accountAt = new Map<string, string>();
  unknown.forEach((p, i) => {
    const account = firstAccounts[i];
    if (account !== undefined) accountAt.set(p, account);
  });
  const keyPath = [...accountAt].find(([, account]) => account === INDEX_KEY_ID)?.[0];
  const key = keyPath === undefined ? undefined : secretAt.get(keyPath);
  // Remembered pairings count only with a matching HMAC. An account that a fresh lookup found
  // elsewhere, or that two remembered items claim, is taken from the lookups instead.
  const looked = new Set(accountAt.values());
  const claimed = new Map<string, string[]>();
  if (index !== null && key !== undefined) {
    for (const p of unlocked) {
      const remembered = index.items[p];
      const secret = secretAt.get(p);
      if (remembered === undefined || secret === undefined || looked.has(remembered[0])) continue;
      if (verifyMac(key, p, remembered[0], secret, remembered[1])) {
        claimed.set(remembered[0], [...(claimed.get(remembered[0]) ?? []), p]);
      }
    }
  }
  for (const [account, paths] of claimed) if (paths.length === 1) accountAt.set(paths[0] as string, account);
  const lookedUp = new Set(unknown);
  const stillUnknown = unlocked.filter((p) => !accountAt.has(p) && !lookedUp.has(p));
  (await accountsOf(stillUnknown)).forEach((account, i) => {
    if (account !== undefined) accountAt.set(stillUnknown[i] as string, account);
  });

  const items = new Map<string, string>();
  for (const [p, account] of accountAt) {
    const secret = secretAt.get(p);
    if (secret !== undefined && account !== INDEX_KEY_ID) items.set(account, secret);
  }
  const lookups = unknown.length + stillUnknown.length;
  const result: ReadResult = { items, needsKey: key === undefined, lookups };
  if (key !== undefined) {
    const next: IndexFile = { version: 1, items: {} };
    for (const p of unlocked) {
      const account = accountAt.get(p);
      const secret = secretAt.get(p);
      if (account !== undefined && secret !== undefined && account !== INDEX_KEY_ID) {
        next.items[p] = [account, itemMac(key, p, account, secret)];
      }
    }
    if (!sameIndex(index, next)) result.index = next;
  }
  return result;
}

function sameIndex(a: IndexFile | null, b: IndexFile): boolean {
  if (a === null) return false;
  const keys = Object.keys(b.items);
  return (
    keys.length === Object.keys(a.items).length &&
    keys.every((p) => a.items[p]?.[0] === b.items[p]?.[0] && a.items[p]?.[1] === b.items[p]?.[1])
  );
}

/**
 * The keytar account of an item of `service`, from its Attributes property; undefined for others
 * and for a reply that is not the `a{ss}` dictionary the spec defines.
 */
function keytarAccount(reply: DbusValue | undefined, service: string): string | undefined {
  const variant = reply as { signature?: unknown; value?: unknown } | undefined;
  if (variant?.signature !== 'a{ss}') return undefined;
  const attributes = new Map(variant.value as Array<[string, string]>);
  const schema = attributes.get('xdg:schema');
  if (attributes.get('service') !== service || (schema !== undefined && schema !== KEYTAR_SCHEMA))
    return undefined;
  return attributes.get('account');
}
