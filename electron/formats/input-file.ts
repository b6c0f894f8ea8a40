import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import type { Companion } from './format';
import { MAX_IMPORT_BYTES } from './import-limits';

/** How to read one input file: the most bytes it may have, and what it is called in messages. */
export interface InputFileRules {
  maxBytes: number;
  /** "backup", "image", "password file": completes "Keyfob reads …s up to 16 MB". */
  what: string;
  /** The name messages use (the path as typed in a terminal, the base name in the app). */
  name: string;
  /** Accept pipes and devices too (a password from `<(…)`); their size is only known by reading. */
  streams?: boolean;
}

/**
 * Reads a whole input file with its size known to be bounded before anything is read: the path is
 * stat'ed first (folders, devices, pipes and sockets are refused with a message, unless `streams`),
 * opened without blocking on a pipe, checked again on the open handle, and read up to the limit.
 * Every failure is a KeyfobError with one line: missing → `not-found`, the user's to fix →
 * `invalid-input`, the disk failing → `storage-unavailable`.
 */
export async function readInputFile(path: string, rules: InputFileRules): Promise<Uint8Array> {
  const before = await stat(path).catch((e: unknown) => {
    throw fileError(e, rules);
  });
  check(before, rules);
  const nonBlocking = rules.streams ? 0 : (constants.O_NONBLOCK ?? 0);
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | nonBlocking);
    check(await handle.stat(), rules);
    return await readUpTo(handle, rules);
  } catch (e) {
    throw e instanceof KeyfobError ? e : fileError(e, rules);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The files beside `path`, read by base name within the backup size limit (SQLite's `-wal`, Steam
 * Desktop Authenticator's manifest.json). A name with a path separator (one a file could put in a
 * manifest to reach elsewhere) and a missing file both read as undefined.
 */
export function companionsOf(path: string): Companion {
  const dir = dirname(path);
  return async (name) => {
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/u.test(name)) return undefined;
    try {
      return await readInputFile(join(dir, name), { maxBytes: MAX_IMPORT_BYTES, what: 'backup', name });
    } catch (e) {
      if (e instanceof KeyfobError && e.code === 'not-found') return undefined;
      throw e;
    }
  };
}

/** "16 MB", "1.5 MB", "64 KB": sizes in messages. */
export function showBytes(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / 2 ** 20;
  return `${mb < 10 && !Number.isInteger(mb) ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
}

function check(s: Stats, rules: InputFileRules): void {
  const { name, what } = rules;
  if (s.isDirectory())
    throw new KeyfobError('invalid-input', `${name} is a folder, not a ${what}; choose a file inside it.`);
  if (!s.isFile() && !rules.streams) {
    throw new KeyfobError(
      'invalid-input',
      `${name} is not a regular file (it is a device, pipe or socket); save the ${what} to a file and choose that.`,
    );
  }
  if (s.size > rules.maxBytes) throw tooLarge(rules, showBytes(s.size));
}

async function readUpTo(handle: FileHandle, rules: InputFileRules): Promise<Uint8Array> {
  // The size may change after the check (or be unknown, for /proc files and pipes): read in chunks
  // and stop one byte past the limit.
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1 << 20, rules.maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > rules.maxBytes) throw tooLarge(rules, `more than ${showBytes(rules.maxBytes)}`);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function tooLarge({ name, what, maxBytes }: InputFileRules, size: string): KeyfobError {
  return new KeyfobError(
    'invalid-input',
    `${name} is ${size}; Keyfob reads ${what}s up to ${showBytes(maxBytes)}, so it is not one.`,
  );
}

function fileError(e: unknown, { name, what }: InputFileRules): KeyfobError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new KeyfobError('not-found', `${name} does not exist.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new KeyfobError('invalid-input', `Keyfob is not allowed to read ${name} (permission denied).`);
  }
  if (code === 'EAGAIN' || code === 'ENXIO') {
    return new KeyfobError('invalid-input', `${name} is not a regular file; save the ${what} to a file.`);
  }
  return new KeyfobError(
    'storage-unavailable',
    `Keyfob could not read ${name} (${code ?? 'unknown error'}).`,
  );
}
