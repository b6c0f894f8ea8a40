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
  type ImportResult,
} from '../../formats';
import { importedTokens, isEntryError, planEntries } from '../../services/import/plan';
import type { SavedEntry } from '../../services/import/save';
import { storedMatches } from '../../services/stored-match';
import { command, type Command } from '../command';
import { choiceFor, report, rowOf, sortBySource, type NewKeys, type Row } from '../import-rows';
import { saveWithProgress } from '../import-save';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { readPassword, terminalPasswordSource } from '../password-input';

/** `keyfob import`: bulk-adds accounts, reporting every entry; safe to run again. */
export const importCommand: Command = command({
  name: 'import',
  summary: 'add every account from backups of other apps or lists of otpauth:// URIs',
  help: `usage: keyfob import <file>… [--format <id>] [--password-file <file>]
                     [--replace-keys | --allow-duplicate] [--dry-run] [--json]

Reads backups and app data of other authenticators, recognising each file's format by its contents
(then by its name); --format names it outright. App databases need the files beside them that the
app wrote too: a SQLite database's -wal file, Steam Desktop Authenticator's manifest.json.
Encrypted backups need their password: --password-file (its first line), or Keyfob asks on the
terminal. Plain lists hold one otpauth:// URI per line (blank lines and lines starting with # are
skipped) and may hold Google Authenticator transfer codes (otpauth-migration://, e.g. from
'keyfob scan'): the codes of one export may be spread over lines and files in any order, and an
export with codes missing is reported, naming them, and imports nothing.

Every entry is reported: added, skipped as a duplicate (same secret, issuer and account already
stored, so running the same import again is safe), new-key, or rejected with the reason. One bad
line never stops the others. A new-key entry has the issuer and account name of a stored account
(its id is given) but another key: the service has probably re-enrolled the account and issued a
new one. Nothing is stored for it unless asked: --replace-keys makes it that account's key in place
(status key-replaced; the old key is kept 30 days and 'keyfob restore <id>' brings it back),
--allow-duplicate adds it as a separate account. When several stored accounts have those names,
the entry lists their ids and is not replaced: 'keyfob replace <id> <uri>' gives the one you choose
its new key.

On a terminal, standard error shows how many accounts are saved, how fast and the time left.
Ctrl+C stops after the account being saved: what is saved stays, the rest is reported as
interrupted, and the same import run again adds only the rest (a second Ctrl+C quits at once).

Exit status: 0 when every entry was stored or skipped as a duplicate, 1 when any was rejected or
is a new key left unstored, 2 when the keychain or the disk failed (the entries after that point
are reported as not imported), 130 when Ctrl+C stopped it.

  --format <id>           read every file given as this format (ids below)
  --password-file <file>  password of the encrypted backups given
  --replace-keys          give each re-enrolled account its new key (the old one kept 30 days)
  --allow-duplicate       add new keys as separate accounts instead (duplicates stay skipped)
  --dry-run               check everything and report what would happen; store nothing
                          (with --json the report holds the secrets)
  --json                  one JSON array with source, status, id (ids), message and the fields

Formats (id: what):
${IMPORT_FORMATS.map((f) => `  ${f.id.padEnd(24)}${f.label}`).join('\n')}`,
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'password-file': { type: 'string' },
    format: { type: 'string' },
    'replace-keys': { type: 'boolean' },
    'allow-duplicate': { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0)
      throw new KeyfobError('invalid-input', "import needs at least one file — see 'keyfob import --help'");
    const dryRun = values['dry-run'] === true;
    const newKeys = newKeysOption(values);
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
    const stored = vault ? await storedMatches(vault, tokens).catch(stop) : [];
    const plan = planEntries(results, stored ?? []);
    const saved: SavedEntry[] = [];
    const json = values['json'] === true;
    let interrupted = false;
    if (vault && !dryRun && stored) {
      // New entries are added, duplicates (of a stored account or an earlier entry) left alone,
      // new keys for stored accounts left alone unless --replace-keys or --allow-duplicate.
      const choices = plan.map((p) => choiceFor(p, newKeys));
      const outcome = await saveWithProgress(vault, plan, choices, saved, io, { json }).catch(stop);
      interrupted = outcome === 'stopped';
    }
    const notImported = failure && `not imported: ${failure.message}`;
    for (const [i, p] of plan.entries())
      rows.push(rowOf(p, saved[i], { dryRun, newKeys, notImported, interrupted }));
    report(sortBySource(rows, positionals), json, io);
    if (interrupted) return EXIT.interrupted;
    if (failure) return EXIT.system;
    return rows.some((r) => r.status === 'rejected' || r.status === 'new-key') ? EXIT.input : EXIT.ok;
  },
});

/** What to do with new keys for stored accounts: `--replace-keys`, `--allow-duplicate`, or only report them. */
function newKeysOption(values: Record<string, unknown>): NewKeys {
  const replace = values['replace-keys'] === true;
  const add = values['allow-duplicate'] === true;
  if (replace && add)
    throw new KeyfobError(
      'invalid-input',
      "--replace-keys and --allow-duplicate both say what to do with new keys; choose one — see 'keyfob import --help'",
    );
  return replace ? 'replace' : add ? 'add' : 'report';
}

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
