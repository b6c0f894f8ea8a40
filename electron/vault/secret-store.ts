import { KeyfobError } from '../../shared/errors';

/**
 * Where secrets live: one item per account, keyed by the account's opaque id. The value is the
 * secret as upper-case base32 without padding. Implementations throw `KeyfobError` with code
 * `keychain-locked` or `keychain-unavailable`, never a raw platform error.
 */
export interface SecretStore {
  /** The stored secret, or null when there is none — or when the keychain is locked (keytar can't tell). */
  get(id: string): Promise<string | null>;
  /** Creates or replaces the item. */
  set(id: string, secret: string): Promise<void>;
  /** True when an item was deleted; false when there was none — or the keychain is locked. */
  delete(id: string): Promise<boolean>;
  /** Every item of the service (slow on big keychains: only for audits). */
  list(): Promise<Array<{ id: string; secret: string }>>;
  /**
   * Throws `keychain-locked` / `keychain-unavailable` unless items can be written right now.
   * Lets callers tell "locked" from "missing" after a null `get` or a false `delete`.
   */
  probe?(): Promise<void>;
}

/** How the memory twin behaves, to mirror what keytar does on a real keyring. */
export type MemoryMode = 'ok' | 'locked' | 'unavailable';

/** The in-memory twin: for unit tests of the logic above the keychain, never for production. */
export interface MemorySecretStore extends SecretStore {
  /** The raw items, for assertions. */
  readonly items: Map<string, string>;
  /** 'locked' mimics a locked gnome-keyring as keytar reports it (null reads, false deletes). */
  mode: MemoryMode;
  /** Every call as "op id", to assert what touched the keychain (and what didn't). */
  readonly calls: string[];
  /** Runs before each call takes effect (lets tests look at the metadata file at that instant). */
  onCall?: (op: 'get' | 'set' | 'delete' | 'list' | 'probe', id: string) => void | Promise<void>;
}

/** A fresh, empty in-memory secret store. */
export function memorySecretStore(): MemorySecretStore {
  const items = new Map<string, string>();
  const calls: string[] = [];
  const store: MemorySecretStore = {
    items,
    mode: 'ok',
    calls,
    async get(id) {
      await enter('get', id);
      return store.mode === 'locked' ? null : (items.get(id) ?? null);
    },
    async set(id, secret) {
      await enter('set', id);
      refuseLocked();
      items.set(id, secret);
    },
    async delete(id) {
      await enter('delete', id);
      return store.mode === 'locked' ? false : items.delete(id);
    },
    async list() {
      await enter('list', '');
      refuseLocked();
      return [...items].map(([id, secret]) => ({ id, secret }));
    },
    async probe() {
      await enter('probe', '');
      refuseLocked();
    },
  };
  async function enter(op: 'get' | 'set' | 'delete' | 'list' | 'probe', id: string): Promise<void> {
    calls.push(id === '' ? op : `${op} ${id}`);
    await store.onCall?.(op, id);
    if (store.mode === 'unavailable') {
      throw new KeyfobError('keychain-unavailable', 'The in-memory keychain is switched off for this test.');
    }
  }
  function refuseLocked(): void {
    if (store.mode === 'locked') {
      throw new KeyfobError('keychain-locked', 'The in-memory keychain is locked for this test.');
    }
  }
  return store;
}
