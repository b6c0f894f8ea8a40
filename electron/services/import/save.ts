import { KeyfobError } from '../../shared/errors';
import type { ImportChoice, ImportSummary } from '../../shared/ipc-contract';
import type { Token } from '../../shared/otp-types';
import type { PlannedEntry } from '../formats';
import { isEntryError } from '../formats/import-plan';
import type { Vault } from '../vault';
import { errorName } from './errors';
import type { ImportSession } from './import-sessions';
import { replaceDuplicate } from './replace-duplicate';

/** Accounts saved per Vault.addMany call. */
const ADD_CHUNK = 100;

/** Why one entry failed, for the summary: Keyfob's own message, or only the name of anything else. */
function entryFailure(e: unknown): string {
  return e instanceof KeyfobError ? e.message : `unexpected error (${errorName(e)})`;
}

/**
 * Saves a session's plan with one choice per entry, resumably: each entry is marked done once it is
 * saved, skipped or failed for a reason of its own. When the keychain or the disk fails (locked,
 * unavailable, full), the entries after that point stay undone and the error is thrown; the session
 * keeps its plan, so calling this again saves exactly the rest. Resolves with the whole summary.
 */
export async function savePlan(
  vault: Vault,
  s: ImportSession,
  choices: ImportChoice[],
): Promise<ImportSummary> {
  const plan = s.plan as PlannedEntry[];
  if (s.done.length !== plan.length) s.done = plan.map(() => false);
  const { summary } = s;
  const finish = (i: number, e?: unknown) => {
    if (e !== undefined)
      summary.failed.push({ source: (plan[i] as PlannedEntry).source, message: entryFailure(e) });
    s.done[i] = true;
  };
  const adds: number[] = [];
  for (const [i, entry] of plan.entries()) {
    if (s.done[i]) continue;
    const choice = choices[i];
    if (entry.status === 'rejected' || entry.token === undefined) {
      summary.rejected++;
      finish(i);
    } else if (choice === 'skip') {
      summary.skipped++;
      finish(i);
    } else if (choice === 'replace' && entry.status === 'duplicate' && entry.duplicateOf?.id !== undefined) {
      try {
        await replaceDuplicate(vault, entry.duplicateOf.id, entry.token);
        summary.replaced++;
        finish(i);
      } catch (e) {
        if (!isEntryError(e)) throw e;
        finish(i, e);
      }
    } else adds.push(i);
  }
  // In chunks through Vault.addMany: a few metadata writes per chunk, not two per account.
  for (let at = 0; at < adds.length; at += ADD_CHUNK) {
    const chunk = adds.slice(at, at + ADD_CHUNK);
    const results = await vault.addMany(
      chunk.map((i) => {
        const entry = plan[i] as PlannedEntry;
        return { token: entry.token as Token, allowDuplicate: entry.status === 'duplicate' };
      }),
    );
    let machine: KeyfobError | undefined;
    for (const [j, result] of results.entries()) {
      const i = chunk[j] as number;
      if (!(result instanceof KeyfobError)) {
        summary.added++;
        finish(i);
      } else if (isEntryError(result)) finish(i, result);
      else machine ??= result;
    }
    if (machine !== undefined) throw machine;
  }
  return summary;
}
