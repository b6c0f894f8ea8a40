import type { AccountView, ImportSummary, KeyReplace, ScanSaveResult } from '../../../shared/ipc/shapes';
import { accountTitle } from '../../../shared/account-name';

// The words for what a scan or an import will do (its button) and did (its toast).

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The confirm button of a scan: what the decisions will do ("Add account", "Replace key", "Save", "Done"). */
export function saveLabel(decisions: ReadonlyArray<string | KeyReplace>): string {
  const replacing = decisions.filter((d) => typeof d === 'object').length;
  const adding = decisions.filter((d) => typeof d === 'string' && d !== 'skip').length;
  if (replacing > 0 && adding > 0) return 'Save';
  if (replacing > 0) return replacing === 1 ? 'Replace key' : `Replace ${replacing} keys`;
  return adding === 0 ? 'Done' : adding === 1 ? 'Add account' : `Add ${adding} accounts`;
}

/** "Replaced the key of GitHub" or "Replaced 2 keys"; null when none was replaced. */
export function replacedText(replaced: readonly AccountView[]): string | null {
  const [first] = replaced;
  if (first === undefined) return null;
  return replaced.length === 1
    ? `Replaced the key of ${accountTitle(first)}`
    : `Replaced ${replaced.length} keys`;
}

/** The toast after a scan was saved: what was added and replaced, or that nothing was. */
export function scanSummary(r: ScanSaveResult): string {
  const [first] = r.added;
  const added =
    r.added.length > 1 ? `Added ${r.added.length} accounts` : first ? `Added ${accountTitle(first)}` : null;
  const replaced = replacedText(r.replaced);
  if (added !== null && replaced !== null) return `${added}. ${replaced}`;
  return added ?? replaced ?? 'Nothing was added.';
}

/** The toast after an import: accounts imported, keys replaced, what was skipped, rejected or failed. */
export function importSummary(s: ImportSummary): string {
  const imported = s.added + s.updated;
  const replaced = replacedText(s.replaced);
  const parts =
    imported === 0 && replaced !== null
      ? [replaced]
      : [`Imported ${plural(imported, 'account', 'accounts')}`];
  if (s.updated > 0) parts.push(`${s.updated} updated`);
  if (imported > 0 && s.replaced.length > 0)
    parts.push(`${plural(s.replaced.length, 'key', 'keys')} replaced`);
  if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
  if (s.rejected > 0) parts.push(`${s.rejected} rejected`);
  if (s.failed.length > 0)
    parts.push(`${s.failed.length} failed: ${s.failed.map((f) => f.message).join('; ')}`);
  return parts.join(', ');
}
