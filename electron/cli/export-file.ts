import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import { syncDir } from '../vault/atomic-file';

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';

/** What is at `path` now, without following a symbolic link; null when nothing is. */
async function existing(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw new KeyfobError('storage-unavailable', `cannot write ${path} (${errno(e)})`);
  }
}

/** Gives the finished temp file its name; without `force`, never over something that appeared meanwhile. */
async function place(temp: string, path: string, force: boolean): Promise<void> {
  if (force) return rename(temp, path);
  try {
    await link(temp, path); // fails with EEXIST, atomically, if the name was taken since the check
  } catch (e) {
    // Folders without hard links (FAT, exFAT, some network shares): the check above must do.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errno(e))) throw e;
    return rename(temp, path);
  }
  await unlink(temp);
}

/**
 * Refuses what {@link writeExportFile} would refuse, before any work (a password prompt, keychain
 * reads): anything at `path` without `force`; a folder, device or pipe either way.
 */
export async function checkExportTarget(path: string, force: boolean): Promise<void> {
  const found = await existing(path);
  if (found !== null && !force)
    throw new KeyfobError(
      'invalid-input',
      `${path} already exists; choose another name or add --force`,
      'out',
    );
  if (found !== null && !found.isFile() && !found.isSymbolicLink())
    throw new KeyfobError(
      'invalid-input',
      `${path} is ${found.isDirectory() ? 'a folder' : 'not a regular file'}; give the name of the file to write`,
      'out',
    );
}

/**
 * Writes an export holding secrets to `path` as a fresh file with mode 600, atomically: the bytes go
 * to a new temp file in the same folder (created with O_EXCL, fsync), which then takes the name. A
 * reader or a crash sees the old file or the complete new one, and the file was never readable by
 * others nor opened by someone else first.
 *
 * Without `force` anything already at `path` (a file, a link, even a dangling one) is refused. With
 * `force` the name itself is replaced: a symbolic link there is replaced by the new file, and the
 * file it pointed to is left as it was, so a link planted in a shared folder cannot redirect the
 * secrets. A folder, device or pipe at `path` is refused either way.
 */
export async function writeExportFile(path: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await checkExportTarget(path, force);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await place(temp, path, force);
    await syncDir(dirname(path));
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    if (e instanceof KeyfobError) throw e;
    if (errno(e) === 'EEXIST')
      throw new KeyfobError(
        'invalid-input',
        `${path} already exists; choose another name or add --force`,
        'out',
      );
    throw new KeyfobError('storage-unavailable', `cannot write ${path} (${errno(e)})`);
  }
}
