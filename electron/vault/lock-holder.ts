import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { errnoCode, storageError } from './storage-errors';

/**
 * A lock whose holder has not refreshed it for this long is stale: the holder is frozen, or its
 * pid now belongs to another program, or it runs on another host and died. Live holders refresh
 * every {@link HEARTBEAT_MS}, so a long import never has its lock broken.
 */
export const STALE_LOCK_MS = 30_000;
/** How often a holder rewrites its lock's time while it runs. */
export const HEARTBEAT_MS = 5_000;

/** What a lock file holds: who took it and when it last said it was alive (wall-clock ms). */
export interface LockInfo {
  pid: number;
  host: string;
  at: number;
  nonce: string;
}

/** A fresh identity for one acquisition by this process. */
export function newLockInfo(): LockInfo {
  return { pid: process.pid, host: hostname(), at: Date.now(), nonce: randomBytes(8).toString('hex') };
}

/** Creates `path` with O_EXCL holding `info`; false when it already exists. */
export async function tryCreate(path: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw storageError(dirname(path), e);
  }
  try {
    await handle.writeFile(JSON.stringify(info));
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw storageError(dirname(path), e);
  }
  await handle.close();
  return true;
}

/** The holder, or undefined for a lock file that is gone or unreadable (a creator killed mid-write). */
export async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    return asLockInfo(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function asLockInfo(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info.pid === 'number' && typeof info.at === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/** An unreadable lock is either being written right now or its writer died mid-write: give it a second. */
export async function isAbandoned(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => Date.now() - s.mtimeMs > 1_000,
    () => false,
  );
}

/**
 * Whether a holder is gone: on this host, a dead pid is gone at once; otherwise (a live pid that may
 * have been reused, or another host) only a lock not refreshed for {@link STALE_LOCK_MS} is.
 */
export function isStale(info: Pick<LockInfo, 'pid' | 'host' | 'at'>, nowMs = Date.now()): boolean {
  if (info.host === hostname() && !isAlive(info.pid)) return true;
  return nowMs - info.at > STALE_LOCK_MS;
}

/** True unless the pid certainly names no process (EPERM: alive, someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) !== 'ESRCH';
  }
}

/**
 * Rewrites the lock's time while it is still ours. Read and write go through one handle, so a lock
 * broken and re-taken by someone else (a new file) is never overwritten.
 */
export async function refresh(path: string, me: LockInfo): Promise<void> {
  const handle = await open(path, 'r+').catch(() => undefined);
  if (handle === undefined) return;
  try {
    if (asLockInfo(await handle.readFile('utf8'))?.nonce !== me.nonce) return;
    const text = Buffer.from(JSON.stringify({ ...me, at: Date.now() }));
    await handle.write(text, 0, text.length, 0);
    await handle.truncate(text.length);
  } catch {
    // A missed beat only matters after 30 s of them; the next one tries again.
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Removes a stale (or empty) lock. Two processes may both find it stale; the `.break` lock makes
 * sure only one removes it and that nobody removes the fresh lock the winner just took.
 */
export async function breakLock(path: string, seen: LockInfo | undefined): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await tryCreate(breaker, { ...newLockInfo(), nonce: '' }))) {
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
