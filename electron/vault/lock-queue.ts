import { readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { isAlive, type LockInfo } from './lock-holder';

/**
 * Waiting tickets, so a writer that runs many short transactions in a row (an import, one chunk
 * at a time) cannot take the lock again and again while someone else waits for it. A waiter
 * leaves `<lock>.wait-<nonce>` holding when it started to wait; whoever wants the lock lets every
 * older live ticket go first. Tickets of waiters that died or gave up long ago are ignored and
 * removed.
 */

/** What a ticket holds: the waiter and when it started wanting the lock (wall-clock ms). */
interface Ticket {
  pid: number;
  host: string;
  at: number;
  nonce: string;
  since: number;
}

/** A waiter gives up after its wait; a ticket older than this is left over from a killed waiter. */
const TICKET_LIFETIME_MS = 15_000;

/** Writes this waiter's ticket; returns its path for {@link leaveQueue}. */
export async function joinQueue(lockPath: string, me: LockInfo, since: number): Promise<string> {
  const path = `${lockPath}.wait-${me.nonce}`;
  const ticket: Ticket = { ...me, since };
  await writeFile(path, JSON.stringify(ticket), { mode: 0o600 }).catch(() => undefined);
  return path;
}

/** Removes this waiter's ticket (it took the lock or gave up). */
export async function leaveQueue(ticketPath: string): Promise<void> {
  await unlink(ticketPath).catch(() => undefined);
}

/** True when another live waiter started waiting before `since` (ties: the smaller nonce first). */
export async function olderWaiter(lockPath: string, me: LockInfo, since: number): Promise<boolean> {
  const dir = dirname(lockPath);
  const prefix = `${basename(lockPath)}.wait-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(prefix) || name === `${prefix}${me.nonce}`) continue;
    const ticket = await readTicket(join(dir, name));
    if (ticket === undefined) continue; // gone meanwhile, or being written
    const abandoned =
      now - ticket.since > TICKET_LIFETIME_MS || (ticket.host === hostname() && !isAlive(ticket.pid));
    if (abandoned) {
      await unlink(join(dir, name)).catch(() => undefined);
      continue;
    }
    if (ticket.since < since || (ticket.since === since && ticket.nonce < me.nonce)) return true;
  }
  return false;
}

async function readTicket(path: string): Promise<Ticket | undefined> {
  try {
    const t = JSON.parse(await readFile(path, 'utf8')) as Ticket;
    return typeof t.since === 'number' && typeof t.pid === 'number' && typeof t.nonce === 'string'
      ? t
      : undefined;
  } catch {
    return undefined;
  }
}
