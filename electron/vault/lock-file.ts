import { unlink } from 'node:fs/promises';
import { KeyfobError } from '../../shared/errors';
import {
  HEARTBEAT_MS,
  breakLock,
  isAbandoned,
  isStale,
  newLockInfo,
  readLock,
  refresh,
  tryCreate,
  type LockInfo,
} from './lock-holder';
import { joinQueue, leaveQueue, olderWaiter } from './lock-queue';

export { HEARTBEAT_MS, STALE_LOCK_MS } from './lock-holder';

/** How long to wait for another process before giving up with `busy`. */
const WAIT_MS = 5_000;

/** Tuning for tests: how often the holder refreshes its lock. */
export interface LockOptions {
  heartbeatMs?: number;
}

/**
 * Runs `fn` while holding `<file>.lock`, created with O_EXCL so the app and the CLI never interleave
 * a read-modify-write. The holder refreshes the lock's time while `fn` runs; a lock whose holder
 * died (same host, pid gone) or stopped refreshing it is broken. Waiters queue in the order they
 * came; after a few seconds of waiting this throws `busy`. Only writers take the lock: readers read
 * the file, which is always whole (atomic rename).
 */
export async function withLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const path = `${file}.lock`;
  const got = await acquire(path, WAIT_MS);
  if (!got.held) {
    const who = got.holder === undefined ? 'Another Keyfob' : `Another Keyfob (process ${got.holder.pid})`;
    throw new KeyfobError('busy', `${who} is changing the account list in ${file}. Try again in a moment.`);
  }
  return holding(path, got.me, fn, opts);
}

/**
 * Runs `fn` under the lock only if nobody holds it or waits for it right now (a dead or stale
 * holder's lock is broken first); otherwise returns undefined at once, without waiting.
 */
export async function withLockIfFree<T>(
  file: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<{ value: T } | undefined> {
  const path = `${file}.lock`;
  const got = await acquire(path, 0);
  return got.held ? { value: await holding(path, got.me, fn, opts) } : undefined;
}

type Acquired = { held: true; me: LockInfo } | { held: false; holder: LockInfo | undefined };

async function acquire(path: string, waitMs: number): Promise<Acquired> {
  const me = newLockInfo();
  const since = me.at;
  const deadline = Date.now() + waitMs;
  let ticket: string | undefined;
  let holder: LockInfo | undefined;
  try {
    for (let delay = 5; ; delay = Math.min(delay * 1.5, 50)) {
      if (!(await olderWaiter(path, me, since))) {
        if (await tryCreate(path, { ...me, at: Date.now() })) return { held: true, me };
        holder = await readLock(path);
        if (holder === undefined ? await isAbandoned(path) : isStale(holder)) {
          await breakLock(path, holder);
          continue;
        }
      }
      if (Date.now() >= deadline) return { held: false, holder };
      ticket ??= await joinQueue(path, me, since);
      await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())));
    }
  } finally {
    if (ticket !== undefined) await leaveQueue(ticket);
  }
}

/** Runs `fn` with the lock held and refreshed, then releases it if it is still ours. */
async function holding<T>(path: string, me: LockInfo, fn: () => Promise<T>, opts: LockOptions): Promise<T> {
  let beat = Promise.resolve();
  const timer = setInterval(() => {
    beat = beat.then(() => refresh(path, me));
  }, opts.heartbeatMs ?? HEARTBEAT_MS);
  timer.unref();
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    await beat;
    // Only remove our own lock: if it was broken as stale meanwhile, the file is someone else's.
    const holder = await readLock(path);
    if (holder?.nonce === me.nonce) await unlink(path).catch(() => undefined);
  }
}
