import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import { writeFileAtomic, syncDir } from '../atomic-file';
import { MetadataProblem, parseMetadata, serializeMetadata, type Entry } from './metadata';
import { errnoCode, storageError } from './storage-errors';

/** The metadata file's name inside the vault folder. */
export const METADATA_FILE = 'accounts.json';

/** The entries as last read, with the file identity they came from (null: no file yet). */
export interface Snapshot {
  entries: Entry[];
  stamp: string | null;
}

/** A metadata file that exists but can't be used: damaged, or from a newer Keyfob. Never overwritten. */
export class UnreadableMetadataError extends KeyfobError {
  /** True when the file is damaged (and `repair` may set it aside); false when a newer Keyfob wrote it. */
  readonly damaged: boolean;
  constructor(path: string, problem: MetadataProblem) {
    super(
      'storage-unavailable',
      problem.newer
        ? `Keyfob's account list ${path} cannot be used: ${problem.message}. Update Keyfob; the file was left untouched.`
        : `Keyfob's account list ${path} is damaged: ${problem.message}. It was left untouched. ` +
            "Run 'keyfob doctor --repair' to move it aside and rebuild the list from the keychain.",
    );
    this.damaged = !problem.newer;
  }
}

/**
 * The account list on disk. Reads fstat and content from one handle so the stamp matches the
 * content; every rename makes a new inode, so inode + size + mtime + ctime tells any change apart.
 */
export class MetadataFile {
  readonly path: string;
  constructor(readonly home: string) {
    this.path = join(home, METADATA_FILE);
  }

  /** The current file identity, without reading it (cheap check before list()). */
  async stamp(): Promise<string | null> {
    try {
      return stampOf(await stat(this.path, { bigint: true }));
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw storageError(this.home, e, 'read');
    }
  }

  /** Reads and validates the file; a missing file is an empty list, a damaged one an error. */
  async read(): Promise<Snapshot> {
    let text: string;
    let stamp: string;
    try {
      const handle = await open(this.path, 'r');
      try {
        stamp = stampOf(await handle.stat({ bigint: true }));
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return { entries: [], stamp: null };
      throw storageError(this.home, e, 'read');
    }
    try {
      return { entries: parseMetadata(text), stamp };
    } catch (e) {
      if (!(e instanceof MetadataProblem)) throw e;
      throw new UnreadableMetadataError(this.path, e);
    }
  }

  /** Atomically replaces the file (call under the lock); on any failure the old file stays as it was. */
  async write(entries: readonly Entry[]): Promise<string | null> {
    try {
      await mkdir(this.home, { recursive: true, mode: 0o700 });
      await this.removeLeftovers();
      await writeFileAtomic(this.path, serializeMetadata(entries));
    } catch (e) {
      throw storageError(this.home, e);
    }
    return this.stamp();
  }

  /** Temp files of writers killed mid-write. Only the lock holder writes, so under the lock any is stale. */
  private async removeLeftovers(): Promise<void> {
    const names = await readdir(this.home);
    const stale = names.filter((n) => n.startsWith(`.${METADATA_FILE}.`) && n.endsWith('.tmp'));
    await Promise.all(stale.map((n) => unlink(join(this.home, n)).catch(() => undefined)));
  }

  /** Moves a damaged file aside as `accounts.json.corrupt-<time>`; returns the new path (null: no file). */
  async setAside(nowMs: number): Promise<string | null> {
    const target = `${this.path}.corrupt-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(this.path, target);
      await syncDir(this.home);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw storageError(this.home, e);
    }
    return target;
  }
}

function stampOf(s: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}
