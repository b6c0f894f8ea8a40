import { accountName } from '../../shared/account-name';
import { KeyfobError } from '../../shared/errors';
import type { ImportChoice } from '../../shared/ipc/shapes';
import { showSource, type EntrySource } from '../formats';
import type { PlannedEntry } from '../services/import/plan';
import type { SavedEntry } from '../services/import/save';
import { fieldsJson, tokenJson } from './account-json';
import type { Io } from './io';

// What `keyfob import` reports: one row per entry (a line, or an object with --json), then a summary
// on standard error that says how to apply what it left alone.

/** What happened to an entry, as `keyfob import` reports it. */
export type Status =
  | 'added'
  | 'would-add'
  | 'duplicate'
  /** Same issuer and account name as a stored account, another key: nothing stored. */
  | 'new-key'
  | 'key-replaced'
  | 'would-replace-key'
  | 'rejected'
  | 'failed'
  /** Not saved because Ctrl+C stopped the import first. */
  | 'interrupted';

/** One reported entry: its source, what happened, and the account it concerns. */
export interface Row {
  source: EntrySource;
  status: Status;
  name?: string;
  /** The new account (added), or the stored one (duplicate, new-key, key-replaced). */
  id?: string;
  /** A new key for several accounts of those names: every one, so the user can pick. */
  ids?: string[];
  message?: string;
  fields?: ReturnType<typeof fieldsJson>;
}

/** What to do with new keys (same names as a stored account, another key): leave them, replace, or add. */
export type NewKeys = 'report' | 'replace' | 'add';

/** The choice saving makes for one entry: new ones added, duplicates left alone, new keys as asked. */
export function choiceFor(p: PlannedEntry, newKeys: NewKeys): ImportChoice {
  if (p.status === 'new') return 'keep-both';
  if (p.status !== 'new-key') return 'skip';
  const [only, ...more] = p.newKeyFor ?? [];
  if (newKeys === 'add') return 'keep-both';
  return newKeys === 'replace' && only !== undefined && more.length === 0 ? { replace: only.id } : 'skip';
}

/**
 * The row for one planned entry: what saving it did, or what the plan said; `notImported` says why
 * the rest stayed out, `interrupted` that Ctrl+C stopped the save before it.
 */
export function rowOf(
  p: PlannedEntry,
  saved: SavedEntry | undefined,
  opts: { dryRun: boolean; newKeys: NewKeys; notImported?: string; interrupted?: boolean },
): Row {
  if (p.token === undefined) return { source: p.source, status: 'rejected', message: p.message };
  const { dryRun, newKeys, notImported } = opts;
  const base = {
    source: p.source,
    name: accountName(p.token),
    fields: dryRun ? tokenJson(p.token) : fieldsJson(p.token),
  };
  if (notImported !== undefined && saved === undefined)
    return { ...base, status: 'failed', message: notImported };
  if (p.status === 'duplicate') {
    const id = p.duplicateOf?.account?.id;
    const earlier = p.duplicateOf?.source;
    const message = id
      ? `already stored as ${id}`
      : `same as ${earlier ? showSource(earlier) : 'an earlier entry'}`;
    return { ...base, status: 'duplicate', id, message };
  }
  const choice = choiceFor(p, newKeys);
  if (p.status === 'new-key' && choice === 'skip') return newKeyRow(base, p);
  if (dryRun && typeof choice === 'object')
    return { ...base, status: 'would-replace-key', id: choice.replace };
  if (dryRun) return { ...base, status: 'would-add' };
  if (saved?.status === 'added') return { ...base, status: 'added', id: saved.account.id };
  if (saved?.status === 'key-replaced') {
    const { id } = saved.account;
    return { ...base, status: 'key-replaced', id, message: `'keyfob restore ${id}' brings the old key back` };
  }
  if (saved?.status === 'failed') {
    const duplicate = saved.error instanceof KeyfobError && saved.error.code === 'duplicate';
    return { ...base, status: duplicate ? 'duplicate' : 'rejected', message: saved.message };
  }
  if (opts.interrupted === true) return { ...base, status: 'interrupted', message: INTERRUPTED };
  return { ...base, status: 'failed', message: notImported ?? 'not imported' };
}

const INTERRUPTED = 'not imported: Ctrl+C stopped the import before it; run the same import again to add it';

/** A new key left alone: the account it is for, or — when several bear its names — all of them. */
function newKeyRow(base: Omit<Row, 'status'>, p: PlannedEntry): Row {
  const owners = p.newKeyFor ?? [];
  const [only] = owners;
  if (owners.length === 1 && only !== undefined)
    return { ...base, status: 'new-key', id: only.id, message: `${only.id} has another key; nothing stored` };
  const ids = owners.map((a) => a.id);
  return {
    ...base,
    status: 'new-key',
    ids,
    message: `${ids.length} accounts have these names (${ids.join(', ')}), each with another key; nothing stored: 'keyfob replace <id> <uri>' gives one of them this key`,
  };
}

/** Prints the rows (lines or one JSON array) and the summary on standard error. */
export function report(rows: Row[], json: boolean, io: Io): void {
  if (json) {
    io.out(
      JSON.stringify(
        rows.map(({ fields, source, ...r }) => ({ source: showSource(source), ...r, ...(fields ?? {}) })),
        null,
        2,
      ),
    );
  } else {
    for (const r of rows) {
      const what = [r.name, r.id && r.status === 'added' ? `(${r.id})` : undefined, r.message]
        .filter(Boolean)
        .join('  ');
      io.out(`${showSource(r.source)}  ${r.status.padEnd(9)}  ${what}`);
    }
  }
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `${count('added')} added`,
    `${plural(count('duplicate'), 'duplicate', 'duplicates')} skipped`,
    `${count('rejected')} rejected`,
  ];
  if (count('would-add')) parts.unshift(`${count('would-add')} would be added`);
  if (count('key-replaced')) parts.splice(-1, 0, `${plural(count('key-replaced'), 'key', 'keys')} replaced`);
  if (count('would-replace-key'))
    parts.splice(-1, 0, `${plural(count('would-replace-key'), 'key', 'keys')} would be replaced`);
  if (count('new-key')) parts.splice(-1, 0, `${plural(count('new-key'), 'new key', 'new keys')} not stored`);
  if (count('failed')) parts.push(`${count('failed')} not imported`);
  if (count('interrupted')) parts.push(`${count('interrupted')} not imported (interrupted)`);
  io.err(`keyfob: ${count('interrupted') ? 'interrupted: ' : ''}${parts.join(', ')}`);
  if (count('interrupted'))
    io.err(
      'keyfob: run the same import again to add the rest: the accounts already added are found as duplicates and skipped',
    );
  if (rows.some((r) => r.status === 'new-key' && r.id !== undefined))
    io.err(
      "keyfob: new keys are for accounts Keyfob already has (the service probably re-enrolled them): --replace-keys gives each account its new key, keeping the old one 30 days ('keyfob restore <id>' brings it back); --allow-duplicate adds them as separate accounts",
    );
  if (rows.some((r) => r.status === 'key-replaced'))
    io.err("keyfob: the old keys are kept 30 days: 'keyfob restore <id>' brings one back");
}

/** Orders rows by file (as given on the command line), line or entry number, then entry of a transfer code. */
export function sortBySource(rows: Row[], files: string[]): Row[] {
  const fileIndex = new Map<string, number>();
  files.forEach((f, i) => fileIndex.set(f, fileIndex.get(f) ?? i));
  const file = (r: Row) => fileIndex.get(r.source.file) ?? -1;
  return rows.sort(
    (x, y) =>
      file(x) - file(y) ||
      (x.source.at ?? 0) - (y.source.at ?? 0) ||
      (x.source.part ?? 0) - (y.source.part ?? 0),
  );
}
