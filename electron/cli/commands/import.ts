import { KeyfobError, isInputError } from '../../../shared/errors';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, detectImport, readImport, textOf } from '../../formats';
import { storedDuplicates, tokenKey } from '../../formats/duplicates';
import { checkEntryCount } from '../../import/import-limits';
import { readInputFile } from '../../import/input-file';
import { MigrationBatches } from '../../import/migration-batches';
import { parsePlainList } from '../../import/plain-list';
import type { ImportEntry } from '../../import/import-result';
import type { Vault } from '../../vault';
import { displayName, fieldsJson, tokenJson } from '../account-json';
import { command, type Command } from '../command';
import { EXIT, errorName, type Io } from '../io';
import { openVault } from '../open-vault';
import { readPassword, terminalPasswordSource } from '../password-input';

type Status = 'added' | 'would-add' | 'duplicate' | 'rejected' | 'failed';
interface Row {
  source: string;
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
  help: `usage: keyfob import <file>… [--password-file <file>] [--dry-run] [--json]

Reads backups of other authenticators, recognising each file's format: ${IMPORT_FORMATS.map((f) => f.label).join(', ')}.
Encrypted backups need their password: --password-file (its first line), or Keyfob asks on the
terminal. Plain lists hold one otpauth:// URI per line (blank lines and lines starting with # are
skipped) and may hold Google Authenticator transfer codes (otpauth-migration://, e.g. from 'keyfob scan'): the codes
of one export may be spread over lines and files in any order, and an export with codes missing
is reported, naming them, and imports nothing. Every entry is reported: added, skipped as a
duplicate (same secret, issuer and account already
stored — so running the same import again is safe), or rejected with the reason. One bad line
never stops the others. Exit status: 0 when no entry was rejected, 1 when any was, 2 when the
keychain or the disk failed (the entries after that point are reported as not imported).
  --password-file <file>  password of the encrypted backups given
  --dry-run   check everything and report what would happen; store nothing (prints secrets with --json)
  --json      one JSON array with source, status, id, message and the account's fields`,
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'password-file': { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0)
      throw new KeyfobError('invalid-input', "import needs at least one file — see 'keyfob import --help'");
    const dryRun = values['dry-run'] === true;
    const rows: Row[] = [];
    const entries: ImportEntry[] = [];
    const batches = new MigrationBatches(); // transfer codes may span files
    // Loops, not push(...spread): a spread of 125,000 items overflows the call stack.
    const reject = (errors: Array<{ source: string; message: string }>) => {
      for (const e of errors) rows.push({ source: e.source, status: 'rejected', message: e.message });
    };
    const passwordFile = values['password-file'] as string | undefined;
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = await readInputFile(file, { maxBytes: MAX_IMPORT_BYTES, what: 'backup', name: file });
      } catch (e) {
        const message = e instanceof KeyfobError ? e.message : 'the file cannot be read';
        rows.push({ source: file, status: 'rejected', message });
        continue;
      }
      try {
        const detected = detectImport(file, bytes);
        // Plain lists go through one shared MigrationBatches: transfer codes may span files.
        const parsed =
          detected.formatId === 'otpauth'
            ? parsePlainList(textOf(bytes), file, batches)
            : await readImport(
                file,
                bytes,
                detected.needsPassword
                  ? await readPassword(
                      terminalPasswordSource(passwordFile),
                      `${file} (${detected.label})`,
                      false,
                    )
                  : undefined,
              );
        for (const e of parsed.entries) entries.push(e);
        reject(parsed.errors);
      } catch (e) {
        // The file as a whole: unknown format, password missing or wrong, damaged.
        if (!(e instanceof KeyfobError) || !isInputError(e.code)) throw e;
        rows.push({ source: file, status: 'rejected', message: e.message });
      }
    }
    const transferred = batches.finish();
    for (const e of transferred.entries) entries.push(e);
    reject(transferred.errors);
    checkEntryCount('This import', entries.length);
    const vault = entries.length > 0 ? await openVault(io) : undefined;
    let systemFailure: KeyfobError | undefined;
    let stored: Array<{ id: string } | undefined> = [];
    try {
      if (vault)
        stored = await storedDuplicates(
          vault,
          entries.map((e) => e.token),
        );
    } catch (e) {
      if (!(e instanceof KeyfobError) || isInputError(e.code)) throw e;
      systemFailure = e;
    }
    const firstNew = new Map<string, string>(); // token key → source of the entry that adds it
    const toAdd: Array<{ entry: ImportEntry; base: Omit<Row, 'status'> }> = [];
    for (const [i, entry] of entries.entries()) {
      const base = {
        source: entry.source,
        name: displayName(entry.token),
        fields: dryRun ? tokenJson(entry.token) : fieldsJson(entry.token),
      };
      if (systemFailure) {
        rows.push({ ...base, status: 'failed', message: `not imported: ${systemFailure.message}` });
        continue;
      }
      const existing = stored[i];
      const key = tokenKey(entry.token);
      const earlier = firstNew.get(key);
      if (existing) {
        rows.push({
          ...base,
          status: 'duplicate',
          id: existing.id,
          message: `already stored as ${existing.id}`,
        });
      } else if (earlier !== undefined) {
        rows.push({ ...base, status: 'duplicate', message: `same as ${earlier}` });
      } else {
        firstNew.set(key, entry.source);
        if (dryRun) rows.push({ ...base, status: 'would-add' });
        else toAdd.push({ entry, base });
      }
    }
    // Saved in chunks through Vault.addMany: one lock and a few metadata writes per chunk instead
    // of two writes per account (1000 entries: minutes → seconds), and a chunk at a time so the
    // app isn't locked out for the whole import.
    for (let i = 0; i < toAdd.length; i += ADD_CHUNK) {
      const chunk = toAdd.slice(i, i + ADD_CHUNK);
      if (systemFailure) {
        for (const { base } of chunk)
          rows.push({ ...base, status: 'failed', message: `not imported: ${systemFailure.message}` });
        continue;
      }
      const results = await (vault as Vault).addMany(chunk.map(({ entry }) => ({ token: entry.token })));
      for (const [j, result] of results.entries()) {
        const { base } = chunk[j] as (typeof chunk)[number];
        if (!(result instanceof KeyfobError)) rows.push({ ...base, status: 'added', id: result.id });
        else if (result.code === 'duplicate')
          rows.push({ ...base, status: 'duplicate', message: result.message });
        else systemFailure = asSystemFailure(result, rows, base) ?? systemFailure;
      }
    }
    report(sortBySource(rows, positionals), values['json'] === true, io);
    if (systemFailure) return EXIT.system;
    return rows.some((r) => r.status === 'rejected') ? EXIT.input : EXIT.ok;
  },
});

/** Accounts saved per Vault.addMany call. */
const ADD_CHUNK = 100;

/** Records a failed entry; returns the error when it is the keychain's or the disk's (stop adding). */
function asSystemFailure(e: unknown, rows: Row[], base: Omit<Row, 'status'>): KeyfobError | undefined {
  if (!(e instanceof KeyfobError) || isInputError(e.code)) {
    const message = e instanceof KeyfobError ? e.message : `not imported (unexpected ${errorName(e)})`;
    rows.push({ ...base, status: 'rejected', message });
    return undefined;
  }
  rows.push({ ...base, status: 'failed', message: e.message });
  return e;
}

function report(rows: Row[], json: boolean, io: Io): void {
  if (json) {
    io.out(
      JSON.stringify(
        rows.map(({ fields, ...r }) => ({ ...r, ...(fields ?? {}) })),
        null,
        2,
      ),
    );
  } else {
    for (const r of rows) {
      const what = [r.name, r.id && r.status === 'added' ? `(${r.id})` : undefined, r.message]
        .filter(Boolean)
        .join('  ');
      io.out(`${r.source}  ${r.status.padEnd(9)}  ${what}`);
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

/** Orders rows by file (as given on the command line), line or entry number ("f:3", "f#3"), then entry of a transfer code. */
function sortBySource(rows: Row[], files: string[]): Row[] {
  // Each source is split once: a comparator that parses would cost a regex per comparison.
  const fileIndex = new Map<string, number>();
  files.forEach((f, i) => fileIndex.set(f, fileIndex.get(f) ?? i));
  const keyed = rows.map((row) => {
    const m = /^(.*)[:#](\d+)(?: entry (\d+))?$/u.exec(row.source);
    const file = m ? (m[1] ?? row.source) : row.source;
    return { row, file: fileIndex.get(file) ?? -1, line: Number(m?.[2] ?? 0), entry: Number(m?.[3] ?? 0) };
  });
  keyed.sort((x, y) => x.file - y.file || x.line - y.line || x.entry - y.entry);
  return keyed.map((k) => k.row);
}
