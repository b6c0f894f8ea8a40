import { mkdir } from 'node:fs/promises';
import { withLock, withLockIfFree } from './lock-file';
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
 * the lock file — so the app and the CLI never lose each other's writes. Reading takes no lock:
 * every write is an atomic rename, so a reader sees the last committed list, whole.
 */
export class MetadataStore {
  private tail: Promise<unknown> = Promise.resolve();
  /** Transactions of this process queued or running. */
  private inFlight = 0;
  constructor(
    readonly file: MetadataFile,
    private snapshot: Snapshot,
  ) {}

  /** The entries, re-read first if the file changed since we last looked (one stat otherwise). */
  async current(): Promise<readonly Entry[]> {
    const stamp = await this.file.stamp();
    if (stamp !== this.snapshot.stamp) this.snapshot = await this.file.read();
    return this.snapshot.entries;
  }

  /** Runs `fn` under the lock with fresh entries, waiting for another writer if need be. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.serial(() => withLock(this.file.path, async () => fn(await this.begin())));
  }

  /**
   * Like {@link transaction}, but only if no writer — in this process or another — holds or awaits
   * the lock right now: undefined at once otherwise. For work that only matters once the writer is
   * gone (recovery).
   */
  async transactionIfFree<T>(fn: (tx: Transaction) => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.inFlight > 0) return undefined;
    return this.serial(() => withLockIfFree(this.file.path, async () => fn(await this.begin())));
  }

  /** In-process order: one transaction at a time, each after the folder is made. */
  private serial<T>(locked: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await mkdir(this.file.home, { recursive: true, mode: 0o700 }).catch((e: unknown) => {
        throw storageError(this.file.home, e);
      });
      return locked();
    };
    this.inFlight++;
    const result = this.tail.then(run, run).finally(() => this.inFlight--);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** A transaction over the entries as of now (call with the lock held). */
  private async begin(): Promise<Transaction> {
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
    return tx;
  }
}
