import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../atomic-file';

/**
 * Which Secret Service item (D-Bus object path) holds which account, remembered between runs.
 *
 * Why: GetSecrets hands over every secret in one call but keyed by object path, and learning an
 * item's account costs one Properties.Get per item — and gnome-keyring answers each in time
 * proportional to the size of the whole keyring (measured: 0.37 ms per item with 100 items in it,
 * 1 ms with 1100). With 500 accounts that alone is most of `keyfob code`'s 600 ms.
 *
 * Why it can be trusted: a path could be reused for another item, so each remembered pairing
 * carries an HMAC over (path, account id, secret) under a random key that lives in the keychain
 * itself (item INDEX_KEY_ID). A pairing counts only when its HMAC matches the secret read now;
 * anything else is looked up the slow way. The file holds no secret and nothing derived from a
 * secret without that key.
 */
export const INDEX_KEY_ID = 'keyfob-index-key';
/** The index's file name in the vault folder (beside accounts.json). */
export const INDEX_FILE = 'keychain-index.json';

export interface IndexFile {
  version: 1;
  /** path → [account id, HMAC] */
  items: Record<string, [string, string]>;
}

export async function loadIndex(file: string): Promise<IndexFile | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<IndexFile>;
    if (parsed.version !== 1 || typeof parsed.items !== 'object' || parsed.items === null) return null;
    return parsed as IndexFile;
  } catch {
    return null; // missing or damaged: it is only a cache
  }
}

export async function saveIndex(file: string, index: IndexFile): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(index)).catch(() => undefined); // a cache: a full disk costs speed only
}

export function itemMac(key: string, path: string, id: string, secret: string): string {
  return createHmac('sha256', key).update(`${path}\n${id}\n${secret}`).digest('hex').slice(0, 32);
}

/** True when `mac` proves that `path` held account `id` with exactly `secret` when it was indexed. */
export function verifyMac(key: string, path: string, id: string, secret: string, mac: string): boolean {
  const expected = Buffer.from(itemMac(key, path, id, secret), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
