import { KeyfobError, isInputError } from '../../../shared/errors';
import {
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  MigrationBatches,
  checkEntryCount,
  companionsOf,
  detectImport,
  importFormat,
  readImport,
  readInputFile,
  showSource,
  type EntrySource,
  type ImportResult,
} from '../../formats';
import {
  importedTokens,
  isEntryError,
  planEntries,
  storedDuplicates,
  type PlannedEntry,
} from '../../services/import/plan';
import { saveImport, type SavedEntry } from '../../services/import/save';
import { accountName } from '../../../shared/account-name';
import { fieldsJson, tokenJson } from '../account-json';
import { command, type Command } from '../command';
import { EXIT, type Io } from '../io';
import { openVault } from '../open-vault';
import { readPassword, terminalPasswordSource } from '../password-input';

type Status = 'added' | 'would-add' | 'duplicate' | 'rejected' | 'failed';
interface Row {
  source: EntrySource;
  status: Status;
  name?: string;
  id?: string;
  message?: string;
  fields?: ReturnType<typeof fieldsJson>;
}

/** `keyfob import`: bulk-adds accounts, reporting every entry; safe to run again. */
export const importCommand: Command = command({
  name: 'import',
  summary: 'add every account from backups of other apps or lists of otpauth:// URIs',
  help: `usage: keyfob import <file>… [--format <id>] [--password-file <file>] [--dry-run] [--json]

Reads backups and app data of other authenticators, recognising each file's format by its contents
(then by its name); --format names it outright. App databases need the files beside them that the
app wrote too: a SQLite database's -wal file, Steam Desktop Authenticator's manifest.json.
Encrypted backups need their password: --password-file (its first line), or Keyfob asks on the
terminal. Plain lists hold one otpauth:// URI per line (blank lines and lines starting with # are
skipped) and may hold Google Authenticator transfer codes (otpauth-migration://, e.g. from 'keyfob scan'): the codes
of one export may be spread over lines and files in any order, and an export with codes missing
is reported, naming them, and imports nothing. Every entry is reported: added, skipped as a
duplicate (same secret, issuer and account already
stored — so running the same import again is safe), or rejected with the reason. One bad line
never stops the others. Exit status: 0 when no entry was rejected, 1 when any was, 2 when the
keychain or the disk failed (the entries after that point are reported as not imported).
  --format <id>           read every file given as this format (ids below)
  --password-file <file>  password of the encrypted backups given
  --dry-run   check everything and report what would happen; store nothing (prints secrets with --json)
  --json      one JSON array with source, status, id, message and the account's fields

Formats (id: what):
${IMPORT_FORMATS.map((f) => `  ${f.id.padEnd(24)}${f.label}`).join('\n')}`,
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'password-file': { type: 'string' },
    format: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0)
      throw new KeyfobError('invalid-input', "import needs at least one file — see 'keyfob import --help'");
    const dryRun = values['dry-run'] === true;
    const rows: Row[] = [];
    const formatId = values['format'] as string | undefined;
    if (formatId !== undefined) importFormat(formatId); // an unknown id stops before any file is read
    const results = await readFiles(
      positionals,
      values['password-file'] as string | undefined,
      formatId,
      rows,
    );
    const tokens = importedTokens(results);
    checkEntryCount('This import', tokens.length);
    const vault = tokens.length > 0 ? await openVault(io) : undefined;
    // The keychain or the disk failing stops the import: what is not saved by then is reported.
    let failure = undefined as KeyfobError | undefined;
    const stop = (e: unknown) => {
      if (isEntryError(e)) throw e;
      failure = e as KeyfobError;
    };
    const stored = vault ? await storedDuplicates(vault, tokens).catch(stop) : [];
    const plan = planEntries(results, stored ?? []);
    const saved: SavedEntry[] = [];
    if (vault && !dryRun && stored) {
      // New entries are added, duplicates (of a stored account or an earlier entry) left alone.
      const choices = plan.map((p) => (p.status === 'new' ? 'keep-both' : 'skip'));
      await saveImport(vault, plan, choices, [], (i, entry) => (saved[i] = entry)).catch(stop);
    }
    const notImported = failure && `not imported: ${failure.message}`;
    for (const [i, p] of plan.entries()) rows.push(rowOf(p, saved[i], dryRun, notImported));
    report(sortBySource(rows, positionals), values['json'] === true, io);
    if (failure) return EXIT.system;
    return rows.some((r) => r.status === 'rejected') ? EXIT.input : EXIT.ok;
  },
});

/**
 * Reads every file (asking for passwords as needed); a file that cannot be read as a whole becomes
 * one rejected row. Transfer codes are collected across all files, their accounts come last.
 */
async function readFiles(
  files: string[],
  passwordFile: string | undefined,
  formatId: string | undefined,
  rows: Row[],
) {
  const results: ImportResult[] = [];
  const transfers = new MigrationBatches();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readInputFile(file, { maxBytes: MAX_IMPORT_BYTES, what: 'backup', name: file });
    } catch (e) {
      const message = e instanceof KeyfobError ? e.message : 'the file cannot be read';
      rows.push({ source: { file }, status: 'rejected', message });
      continue;
    }
    try {
      const detected = detectImport(file, bytes, formatId);
      const password = detected.needsPassword
        ? await readPassword(terminalPasswordSource(passwordFile), `${file} (${detected.label})`, false)
        : undefined;
      results.push(
        await readImport(file, bytes, password, { transfers, formatId, companion: companionsOf(file) }),
      );
    } catch (e) {
      // The file as a whole: unknown format, password missing or wrong, damaged.
      if (!(e instanceof KeyfobError) || !isInputError(e.code)) throw e;
      rows.push({ source: { file }, status: 'rejected', message: e.message });
    }
  }
  results.push(transfers.finish());
  return results;
}

/** The row for one planned entry: what saving it did, or what the plan said; `notImported` says why the rest stayed out. */
function rowOf(p: PlannedEntry, saved: SavedEntry | undefined, dryRun: boolean, notImported?: string): Row {
  if (p.token === undefined) return { source: p.source, status: 'rejected', message: p.message };
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
  if (dryRun) return { ...base, status: 'would-add' };
  if (saved?.status === 'added') return { ...base, status: 'added', id: saved.account.id };
  if (saved?.status === 'failed') {
    const duplicate = saved.error instanceof KeyfobError && saved.error.code === 'duplicate';
    return { ...base, status: duplicate ? 'duplicate' : 'rejected', message: saved.message };
  }
  return { ...base, status: 'failed', message: notImported ?? 'not imported' };
}

function report(rows: Row[], json: boolean, io: Io): void {
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
  const parts = [
    `${count('added')} added`,
    `${count('duplicate')} duplicate${count('duplicate') === 1 ? '' : 's'} skipped`,
    `${count('rejected')} rejected`,
  ];
  if (count('would-add')) parts.unshift(`${count('would-add')} would be added`);
  if (count('failed')) parts.push(`${count('failed')} not imported`);
  io.err(`keyfob: ${parts.join(', ')}`);
}

/** Orders rows by file (as given on the command line), line or entry number, then entry of a transfer code. */
function sortBySource(rows: Row[], files: string[]): Row[] {
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
