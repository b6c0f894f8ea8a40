import { mkdir } from 'node:fs/promises';
import { withLock } from './lock-file';
import type { Entry } from './metadata';
import type { MetadataFile, Snapshot } from './metadata-file';
import { storageError } from './storage-errors';

/** A read-modify-write in progress: the entries as of now (under the lock) and a way to save new ones. */
export interface Transaction {
  /** The entries as last read or committed; treat as immutable. */
  entries: readonly Entry[];
  /** Atomically writes `entries` and makes them the current state. */
  commit(entries: readonly Entry[]): Promise<void>;
  /** Re-reads the file if another process changed it (only possible if our lock was broken as stale). */
  reload(): Promise<readonly Entry[]>;
}

/**
 * One process's view of the metadata file: a cached snapshot re-read whenever the file's identity
 * changes, and transactions serialised twice — in-process by a promise chain, across processes by
 * the lock file — so the app and the CLI never lose each other's writes.
 */
export class VaultSession {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(
    readonly file: MetadataFile,
    private snapshot: Snapshot,
    private readonly now: () => number,
  ) {}

  /** The entries, re-read first if the file changed since we last looked (one stat otherwise). */
  async current(): Promise<readonly Entry[]> {
    const stamp = await this.file.stamp();
    if (stamp !== this.snapshot.stamp) this.snapshot = await this.file.read();
    return this.snapshot.entries;
  }

  /** The entries as cached, without touching the disk. */
  cached(): readonly Entry[] {
    return this.snapshot.entries;
  }

  /** Runs `fn` under the lock with fresh entries. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await mkdir(this.file.home, { recursive: true, mode: 0o700 }).catch((e: unknown) => {
        throw storageError(this.file.home, e);
      });
      return withLock(this.file.path, this.now, async () => {
        const tx: Transaction = {
          entries: await this.current(),
          commit: async (entries) => {
            const stamp = await this.file.write(entries);
            this.snapshot = { entries: [...entries], stamp };
            tx.entries = this.snapshot.entries;
          },
          reload: async () => {
            tx.entries = await this.current();
            return tx.entries;
          },
        };
        return fn(tx);
      });
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
