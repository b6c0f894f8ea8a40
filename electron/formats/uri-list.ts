import { parseKeyUri } from '../core';
import { KeyfobError } from '../../shared/errors';
import { isMigrationUri, parseMigrationUri } from './google-migration';
import { checkEntryCount } from './import-limits';
import type { ImportResult } from './import-result';
import { MigrationBatches } from './migration-batches';

/**
 * Reads a plain list of key URIs, one per line (Ente Auth's plain export, Aegis's
 * "Google Authenticator URI" export, WinAuth, hand-made lists), including Google Authenticator
 * transfer codes (`otpauth-migration://`). Blank lines and lines starting with '#' are skipped;
 * every other line becomes an entry or an error, never an abort.
 *
 * Transfer codes of one export may be spread over several lines and files: pass one shared
 * `batches` for all files and call its `finish()` after the last one. Without it, the exports of
 * this text are completed (or reported incomplete) within the returned result. A list of more
 * lines than one import reads is refused as a whole before any line is parsed.
 */
export function parsePlainList(text: string, sourceName: string, batches?: MigrationBatches): ImportResult {
  const result: ImportResult = { entries: [], errors: [] };
  const migrations = batches ?? new MigrationBatches();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const skipped = (trimmed: string) => trimmed === '' || trimmed.startsWith('#');
  checkEntryCount(
    'This list',
    lines.reduce((n, l) => (skipped(l.trim()) ? n : n + 1), 0),
  );
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (skipped(trimmed)) return;
    const source = `${sourceName}:${i + 1}`;
    try {
      if (isMigrationUri(trimmed)) migrations.add(parseMigrationUri(trimmed, source), source);
      else result.entries.push({ source, token: parseKeyUri(trimmed) });
    } catch (e) {
      const message = e instanceof KeyfobError ? e.message : 'not a readable key URI';
      result.errors.push({ source, message });
    }
  });
  if (batches === undefined) {
    const done = migrations.finish();
    for (const e of done.entries) result.entries.push(e);
    for (const e of done.errors) result.errors.push(e);
  }
  return result;
}
