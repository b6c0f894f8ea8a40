import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `file` with `text` so that a reader (or a crash at any instant) sees either the old
 * content or the new, never a mix: temp file in the same folder, fsync, rename over, fsync the folder.
 * On failure the temp file is removed and the old file is untouched. Throws the raw fs error.
 * @see https://lwn.net/Articles/457667/ (ext4 and rename-without-fsync data loss)
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDir(dir);
}

/** Makes a rename durable. Windows can't open folders for fsync; NTFS journals renames anyway. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
