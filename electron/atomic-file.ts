import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Every file Keyfob writes (the account list, settings, backups and exports, the item index) is
// written here, one way: a reader, or a crash at any instant, sees the old content or the complete
// new one, never a mix. @see https://lwn.net/Articles/457667/ (ext4 and rename-without-fsync data loss)

/** Link errors of folders without hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'];

/**
 * Writes `data` to `path`: a new temp file in the same folder (created exclusively with mode 600,
 * fsynced) takes the name, then the folder is fsynced, so the file was never readable by others
 * nor opened by anyone else first. The name itself is replaced: a symbolic link there is replaced
 * by the file, never written through. With `overwrite: false` the name is taken only while free
 * (EEXIST otherwise, atomically where the folder has hard links). On failure the temp file is
 * removed and the old file is untouched. Throws the raw fs error.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { overwrite = true }: { overwrite?: boolean } = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await place(temp, path, overwrite);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDir(dir);
}

/** Gives the finished temp file its name; without `overwrite`, never over something that appeared meanwhile. */
async function place(temp: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(temp, path);
  try {
    await link(temp, path); // fails with EEXIST, atomically, if the name was taken
  } catch (e) {
    if (!NO_HARD_LINKS.includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    return rename(temp, path); // the caller's check that the name was free must do
  }
  await unlink(temp);
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

/** Writes a small JSON file of the app (settings, window state), creating its folder first. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads and parses a JSON file; `undefined` when it does not exist or is not valid JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
