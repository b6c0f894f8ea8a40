import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { KeyfobError } from '../../shared/errors';
import { writeFileAtomic } from '../atomic-file';

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
 * Writes an export holding secrets to `path` as a fresh file with mode 600, atomically (see
 * {@link writeFileAtomic}): a reader or a crash sees the old file or the complete new one.
 *
 * Without `force` anything already at `path` (a file, a link, even a dangling one) is refused. With
 * `force` the name itself is replaced: a symbolic link there is replaced by the new file, and the
 * file it pointed to is left as it was, so a link planted in a shared folder cannot redirect the
 * secrets. A folder, device or pipe at `path` is refused either way.
 */
export async function writeExportFile(path: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await checkExportTarget(path, force);
  try {
    await writeFileAtomic(path, bytes, { overwrite: force });
  } catch (e) {
    if (errno(e) === 'EEXIST')
      throw new KeyfobError(
        'invalid-input',
        `${path} already exists; choose another name or add --force`,
        'out',
      );
    throw new KeyfobError('storage-unavailable', `cannot write ${path} (${errno(e)})`);
  }
}
