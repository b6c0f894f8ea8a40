import type { ImportChoice } from '../../shared/ipc/shapes';
import type { PlannedEntry } from '../services/import/plan';
import { saveImport, type SavedEntry, type SaveOutcome } from '../services/import/save';
import type { Vault } from '../vault';
import { onInterrupt, type SignalSource } from './interrupt';
import { EXIT, type Io } from './io';
import { progressLine } from './progress-line';

/** How `keyfob import` saves: where its progress goes, and how it ends the process on a second Ctrl+C. */
export interface ImportSaveOptions {
  /** --json: no progress line (standard error still says when Ctrl+C was pressed). */
  json: boolean;
  signals?: SignalSource;
  exit?: (code: number) => never;
}

/**
 * `keyfob import`'s save: a progress line on standard error when it is a terminal (not with
 * --json), and Ctrl+C handled in two steps. The first stops the save after the account being written:
 * every account saved by then stays saved and listed, and the command reports what it did. A second
 * Ctrl+C (say, a keychain that stopped answering) ends the process at once with 130: safe at any
 * instant, because the vault writes an account's entry as pending before its keychain item and
 * activates it after, so the next time the vault opens an account caught half-way is finished (its
 * key was stored) or dropped (it was not), and the lock of a process that is gone is taken over at
 * once. Fills `saved` per entry; resolves whether the save finished or was stopped.
 */
export async function saveWithProgress(
  vault: Vault,
  plan: readonly PlannedEntry[],
  choices: readonly ImportChoice[],
  saved: SavedEntry[],
  io: Io,
  options: ImportSaveOptions,
): Promise<SaveOutcome> {
  const line = progressLine(options.json ? undefined : io.progressStream, {
    verb: 'saving',
    noun: 'accounts',
    timing: 'rate',
  });
  const stop = new AbortController();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const release = onInterrupt(
    {
      first() {
        stop.abort();
        const what = 'stopping after the account being saved (Ctrl+C again to quit at once)';
        if (line.drawn) line.note(what);
        else io.err(`keyfob: ${what}`);
      },
      second() {
        line.stop();
        const count = saved.filter((s) => s.status === 'added' || s.status === 'key-replaced').length;
        io.err(
          `keyfob: quit at once with ${count} accounts reported saved; those being saved are kept or dropped ` +
            "the next time Keyfob opens the vault. 'keyfob list' shows what is there; the same import again adds the rest.",
        );
        exit(EXIT.interrupted);
      },
    },
    options.signals,
  );
  try {
    return await saveImport(vault, plan, choices, [], (i, entry) => (saved[i] = entry), {
      signal: stop.signal,
      progress: (p) => line.update(p.done, p.total),
    });
  } finally {
    release();
    line.stop();
  }
}
