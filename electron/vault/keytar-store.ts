import { keychainError } from './keychain-errors';
import { join } from 'node:path';
import { INDEX_FILE, INDEX_KEY_ID } from './secret-service/item-index';
import { readSecretServiceItems } from './secret-service/read-all';
import { freshRuns } from './fresh-runs';
import type { SecretStore } from './secret-store';

/** The subset of keytar Keyfob uses (`keytar` is the `@github/keytar` fork). */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Item written and deleted by `probe()`; never an account id (those are UUIDs). */
export const PROBE_ID = 'keyfob-probe';

/** The app lock's password verifier (salt, scrypt cost, hash; never the password), beside the seeds. */
export const LOCK_VERIFIER_ID = 'keyfob-app-lock';

/** Keyfob's own bookkeeping items: never accounts, never adopted by an audit. */
export const INTERNAL_IDS: ReadonlySet<string> = new Set([PROBE_ID, INDEX_KEY_ID, LOCK_VERIFIER_ID]);

/** A daemon restart leaves libsecret holding the old bus name; the next call reconnects. */
const STALE_CONNECTION = /not provided by any \.service files|ServiceUnknown|NoReply|Disconnected/i;

let keytarModule: Promise<Keytar> | undefined;

/** Loads the native addon on first use, so a missing or mismatched build is a typed error, not a crash. */
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
  return keytarModule;
}

/**
 * The OS keychain through keytar: Secret Service on Linux, Keychain on macOS, Credential Manager on
 * Windows. With `home`, Linux batch reads remember item locations there (secret-service/item-index.ts).
 * Every failure becomes `keychain-locked` or `keychain-unavailable`; nothing falls back to
 * plain storage.
 */
export function keytarSecretStore(
  service: string,
  platform: NodeJS.Platform = process.platform,
  options: { home?: string } = {},
): SecretStore {
  async function call<T>(op: (k: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar;
    try {
      keytar = await loadKeytar();
    } catch (e) {
      keytarModule = undefined;
      throw keychainError(platform, e);
    }
    try {
      return await op(keytar);
    } catch (first) {
      if (!(first instanceof Error && STALE_CONNECTION.test(first.message)))
        throw keychainError(platform, first);
      try {
        return await op(keytar);
      } catch (second) {
        throw keychainError(platform, second);
      }
    }
  }
  // keytar can't say "locked": reads return null and deletes false. A write can: gnome-keyring
  // answers "Cannot create an item in a locked collection".
  const probe = freshRuns(async () => {
    await call((k) => k.setPassword(service, PROBE_ID, 'probe'));
    await call((k) => k.deletePassword(service, PROBE_ID));
  });
  return {
    get: (id) => call((k) => k.getPassword(service, id)),
    set: (id, secret) => call((k) => k.setPassword(service, id, secret)),
    delete: (id) => call((k) => k.deletePassword(service, id)),
    probe,
    // keytar reads one item per libsecret lookup (several D-Bus round trips each); on Linux the
    // Secret Service can hand over every item in one GetSecrets.
    ...(platform === 'linux'
      ? {
          readAll: () =>
            readSecretServiceItems(service, {
              indexFile: options.home === undefined ? undefined : join(options.home, INDEX_FILE),
              store: (id, secret) => call((k) => k.setPassword(service, id, secret)),
            }),
        }
      : {}),
    async list() {
      // findCredentials on a locked gnome-keyring dereferences a null secret inside keytar and the
      // whole process dies with SIGSEGV (seen with @github/keytar 7.10.6), so refuse first. The
      // keychain could still lock in the few ms between the two calls; that window is accepted.
      await probe();
      // On Windows keytar filters by the prefix `${service}*`, so "Keyfob" also returns items of a
      // service named e.g. "Keyfob-dev"; keep service names of test vaults distinct from prefixes.
      const found = await call((k) => k.findCredentials(service));
      return found
        .filter((c) => !INTERNAL_IDS.has(c.account))
        .map((c) => ({ id: c.account, secret: c.password }));
    },
  };
}
