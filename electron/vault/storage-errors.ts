import { KeyfobError } from '../../shared/errors';

/** What each errno means to a user, and what they can do about it. */
const REASONS: Record<string, string> = {
  ENOSPC: 'disk full (ENOSPC). Free some space and try again.',
  EDQUOT: 'disk quota exceeded (EDQUOT). Free some space and try again.',
  EROFS: 'the folder is on a read-only file system (EROFS). Set KEYFOB_HOME to a writable folder.',
  EACCES: 'permission denied (EACCES). Check the folder permissions or set KEYFOB_HOME to a writable folder.',
  EPERM:
    'operation not permitted (EPERM). Check the folder permissions or set KEYFOB_HOME to a writable folder.',
  ENOTDIR: 'a file is in the way of the folder (ENOTDIR). Move it or set KEYFOB_HOME to another folder.',
  EIO: 'input/output error (EIO). Check the disk and try again.',
};

/** The `storage-unavailable` error for a failed write (or read) of the account list. */
export function storageError(dir: string, cause: unknown, action: 'save' | 'read' = 'save'): KeyfobError {
  if (cause instanceof KeyfobError) return cause;
  const code = errnoCode(cause);
  const reason =
    (code !== undefined ? REASONS[code] : undefined) ??
    `${code ?? 'unexpected error'}. Check the folder and try again.`;
  return new KeyfobError(
    'storage-unavailable',
    `Could not ${action} Keyfob's account list in ${dir}: ${reason}`,
  );
}

/** The Node errno code (`ENOENT`, …) of an error, if it has one. */
export function errnoCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
