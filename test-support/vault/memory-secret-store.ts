import { KeyfobError } from '../../shared/errors';
import type { SecretStore } from '../../electron/vault/secret-store';

/** How the memory twin behaves, to mirror what keytar does on a real keyring. */
export type MemoryMode = 'ok' | 'locked' | 'unavailable';

type StoreOp = 'get' | 'set' | 'delete' | 'list' | 'probe' | 'readAll';

/** The in-memory twin: for unit tests of the logic above the keychain, never for production. */
export interface MemorySecretStore extends SecretStore {
  /** The raw items, for assertions. */
  readonly items: Map<string, string>;
  /** 'locked' mimics a locked gnome-keyring as keytar reports it (null reads, false deletes). */
  mode: MemoryMode;
  /** Every call as "op id", to assert what touched the keychain (and what didn't). */
  readonly calls: string[];
  /** Runs before each call takes effect (lets tests look at the metadata file at that instant). */
  onCall?: (op: StoreOp, id: string) => void | Promise<void>;
  /** Whether `readAll` answers (like the Secret Service batch) or is absent (like keytar elsewhere). */
  batchReads: boolean;
}

/** A fresh, empty in-memory secret store. */
export function memorySecretStore(): MemorySecretStore {
  const items = new Map<string, string>();
  const calls: string[] = [];
  const store: MemorySecretStore = {
    items,
    mode: 'ok',
    calls,
    batchReads: true,
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
    async readAll() {
      // Like the Secret Service batch: no answer (not an error) when it can't read everything.
      if (!store.batchReads) return null;
      try {
        await enter('readAll', '');
      } catch {
        return null;
      }
      return store.mode === 'ok' ? new Map(items) : null;
    },
  };
  async function enter(op: StoreOp, id: string): Promise<void> {
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
