import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { KeyfobError } from '../../shared/errors';
import { errnoCode, storageError } from './storage-errors';

/** A lock older than this is stale even if its pid looks alive (pid reuse, another host). */
export const STALE_LOCK_MS = 30_000;
/** How long to wait for another process before giving up with `busy`. */
const WAIT_MS = 5_000;

/** What a lock file holds: who took it and when. */
interface LockInfo {
  pid: number;
  host: string;
  at: number;
  nonce: string;
}

/**
 * Runs `fn` while holding `<file>.lock`, created with O_EXCL so the app and the CLI never interleave
 * a read-modify-write. A lock whose owner died (same host, pid gone) or that is older than
 * {@link STALE_LOCK_MS} is broken. Waits with backoff up to a few seconds, then throws `busy`.
 */
export async function withLock<T>(file: string, now: () => number, fn: () => Promise<T>): Promise<T> {
  const path = `${file}.lock`;
  const me: LockInfo = {
    pid: process.pid,
    host: hostname(),
    at: now(),
    nonce: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 5; ; delay = Math.min(delay * 1.5, 100)) {
    if (await tryCreate(path, { ...me, at: now() })) break;
    const holder = await readLock(path);
    if (holder === undefined ? await isAbandoned(path) : isStale(holder, now())) {
      await breakLock(path, holder, now);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder === undefined ? 'Another Keyfob' : `Another Keyfob (process ${holder.pid})`;
      throw new KeyfobError('busy', `${who} is changing the account list in ${file}. Try again in a moment.`);
    }
    await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())));
  }
  try {
    return await fn();
  } finally {
    // Only remove our own lock: if it was broken as stale meanwhile, the file is someone else's.
    const holder = await readLock(path);
    if (holder?.nonce === me.nonce) await unlink(path).catch(() => undefined);
  }
}

async function tryCreate(path: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw storageError(path.replace(/[/\\][^/\\]*$/, ''), e);
  }
  try {
    await handle.writeFile(JSON.stringify(info));
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw storageError(path.replace(/[/\\][^/\\]*$/, ''), e);
  }
  await handle.close();
  return true;
}

/** The holder, or undefined for a lock file that is gone or unreadable (a creator killed mid-write). */
async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.at === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** An unreadable lock is either being written right now or its writer died mid-write: give it a second. */
async function isAbandoned(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => Date.now() - s.mtimeMs > 1_000,
    () => false,
  );
}

function isStale(info: LockInfo, nowMs: number): boolean {
  if (nowMs - info.at > STALE_LOCK_MS) return true;
  if (info.host !== hostname()) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (e) {
    return errnoCode(e) === 'ESRCH';
  }
}

/**
 * Removes a stale (or empty) lock. Two processes may both find it stale; the `.break` lock makes
 * sure only one removes it and that nobody removes the fresh lock the winner just took.
 */
async function breakLock(path: string, seen: LockInfo | undefined, now: () => number): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await tryCreate(breaker, { pid: process.pid, host: hostname(), at: now(), nonce: '' }))) {
    // Someone else is breaking it. A breaker that died leaves this file behind: age it out.
    const since = await stat(breaker).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (since > 2_000) await unlink(breaker).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 10));
    return;
  }
  try {
    const current = await readLock(path);
    const unchanged = current?.nonce === seen?.nonce && current?.at === seen?.at;
    if (unchanged) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}
