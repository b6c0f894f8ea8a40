import { randomUUID } from 'node:crypto';
import { KeyfobError } from '../../../shared/errors';
import type { ImportChoice, ImportSummary } from '../../../shared/ipc/shapes';
import { showSource, type Companion } from '../../formats';
import type { Vault } from '../../vault';
import type { Timers } from '../clipboard-clear';
import { toAccountView } from '../codes';
import { SeedHold, unrefTimers } from '../seed-hold';
import type { PlannedEntry } from './plan';
import { saveImport, type SaveControl } from './save';

/** One backup being imported: its bytes, its plan once read, and how far a save got. */
export interface ImportSession {
  fileName: string;
  bytes: Uint8Array;
  /** The files beside it (a database's -wal, a manifest), read when the format asks. */
  companion?: Companion;
  plan: PlannedEntry[] | null;
  /** Per plan entry: already saved (or counted) by an earlier attempt, so a retry skips it. */
  done: boolean[];
  /** What the attempts so far did; the last, successful one returns it. */
  summary: ImportSummary;
}

/** A few open imports at most: the UI offers one at a time, a stale one never blocks a new one. */
const MAX_SESSIONS = 4;
/** Ids of sessions that ran out of time, remembered (without their data) to explain why they are gone. */
const MAX_EXPIRED_IDS = 16;

/** An empty summary for a new save. */
export function emptySummary(): ImportSummary {
  return { added: 0, updated: 0, skipped: 0, rejected: 0, replaced: [], failed: [], stopped: false };
}

/**
 * The import sessions of one app: the file's bytes and the planned tokens (with seeds) stay in main
 * behind an opaque id, each for at most 5 minutes after the user's last step on it (open, read,
 * save attempt), then they are dropped.
 */
export class ImportSessions {
  private readonly sessions = new Map<string, { session: ImportSession; hold: SeedHold }>();
  private readonly expired: string[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly timers: Timers = unrefTimers,
  ) {}

  /** Keeps a newly opened file (and how to read the files beside it); returns its session id. */
  open(fileName: string, bytes: Uint8Array, companion?: Companion): string {
    if (this.sessions.size >= MAX_SESSIONS) this.close(this.sessions.keys().next().value as string);
    const id = randomUUID();
    const hold = new SeedHold(this.now, this.timers, () => {
      this.sessions.delete(id);
      this.expired.push(id);
      if (this.expired.length > MAX_EXPIRED_IDS) this.expired.shift();
    });
    this.sessions.set(id, {
      session: { fileName, bytes, companion, plan: null, done: [], summary: emptySummary() },
      hold,
    });
    hold.arm();
    return id;
  }

  /** The session `id` names, its 5 minutes restarted; a clear message when it is gone. */
  use(id: string): ImportSession {
    const found = this.sessions.get(id);
    if (found !== undefined && !found.hold.check()) {
      found.hold.arm();
      return found.session;
    }
    throw new KeyfobError(
      'not-found',
      this.expired.includes(id)
        ? 'This import was closed after 5 minutes without saving, so that its keys do not stay in memory. Choose the file again.'
        : 'This import was closed; choose the file again.',
    );
  }

  /** Forgets a session (saved, cancelled, or pushed out by a newer one). */
  close(id: string): void {
    this.sessions.get(id)?.hold.disarm();
    this.sessions.delete(id);
  }

  /** Forgets every session (the app is closing). */
  clear(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }
}

/**
 * Saves a session's plan with one choice per entry (see saveImport): when the keychain or the disk
 * fails half-way, the error is thrown and the session keeps its plan and progress, so the app's
 * Retry saves exactly the rest. Resolves with the summary of every attempt together; `stopped`
 * when `control.signal` ended it first.
 */
export async function saveSession(
  vault: Vault,
  s: ImportSession,
  choices: ImportChoice[],
  control: SaveControl = {},
): Promise<ImportSummary> {
  const plan = s.plan ?? [];
  if (s.done.length !== plan.length) s.done = plan.map(() => false);
  const { summary } = s;
  const outcome = await saveImport(
    vault,
    plan,
    choices,
    s.done,
    (i, saved) => {
      if (saved.status === 'key-replaced') summary.replaced.push(toAccountView(saved.account));
      else if (saved.status !== 'failed') summary[saved.status]++;
      else
        summary.failed.push({ source: showSource((plan[i] as PlannedEntry).source), message: saved.message });
    },
    control,
  );
  summary.stopped = outcome === 'stopped';
  return summary;
}
