import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import type { MigrationBatches } from './google-migration/batches';

/** One account found in a foreign file, with where it came from ("file:line", "file#3"). */
export interface ImportEntry {
  source: string;
  token: Token;
}

/** What a format reader found: the usable entries and, separately, what it had to reject. */
export interface ImportResult {
  entries: ImportEntry[];
  errors: Array<{ source: string; message: string }>;
}

/**
 * Reads a file beside the imported one by its base name (SQLite's `-wal`, Steam Desktop
 * Authenticator's manifest.json); undefined when there is none. Names with path separators are
 * refused by the caller's implementation.
 */
export type Companion = (name: string) => Promise<Uint8Array | undefined>;

/** What a reader is told besides the bytes: the password (if any) and a name for per-entry sources. */
export interface ReadOptions {
  password?: string;
  /** Prefix of every entry's `source` ("backup.json" → "backup.json#3"). */
  sourceName: string;
  /**
   * Collects Google Authenticator transfer codes across the files of one import (its owner calls
   * `finish()` after the last); without it, a file's codes are completed within its own result.
   */
  transfers?: MigrationBatches;
  /** Files beside this one, for formats that span several (absent: the file is read alone). */
  companion?: Companion;
}

/**
 * One foreign file format Keyfob can import (after Aegis's `DatabaseImporter`: one class per format;
 * after GNOME Authenticator: a format says whether it needs a password before anything is read).
 */
export interface ImportFormat {
  /** Stable id, e.g. "aegis", "2fas" (used by the CLI and IPC). */
  id: string;
  /** Name shown to people, e.g. "Aegis backup". */
  label: string;
  /**
   * 0 = not this format, 1 = certain; reads at most the bytes it needs. Below 0.5 is a guess (a
   * file name, a layout without a header): the app then offers a choice of format.
   */
  detect(fileName: string, bytes: Uint8Array): number;
  /** True when `read` needs a password for these bytes. */
  needsPassword(bytes: Uint8Array): boolean;
  /** Every entry the file holds; one bad entry goes to `errors`, never aborts the rest. */
  read(bytes: Uint8Array, options: ReadOptions): Promise<ImportResult>;
}

/** `source` of the n-th (0-based) entry of a structured file: "name#1" for the first. */
export function entrySource(sourceName: string, index: number): string {
  return `${sourceName}#${index + 1}`;
}

/**
 * Where a source points, for ordering rows: "name#3" (entry 3), "name:3" (line 3 of a list) or
 * "name:3 entry 2" (the 2nd account of the transfer code on line 3); 0 where a part is absent.
 */
export function sourcePosition(source: string): { file: string; at: number; entry: number } {
  const m = /^(.*)[:#](\d+)(?: entry (\d+))?$/u.exec(source);
  if (m === null) return { file: source, at: 0, entry: 0 };
  return { file: m[1] ?? source, at: Number(m[2]), entry: Number(m[3] ?? 0) };
}

/** The file as UTF-8 text without a byte-order mark (readers of JSON and text formats). */
export function textOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/u, '');
}

/** The error for a file that is recognisably `label` but cannot be read: says it is damaged and why. */
export function damaged(label: string, why: string): KeyfobError {
  return new KeyfobError(
    'invalid-input',
    `This ${label} is damaged: ${why}. Export it again from the app that made it.`,
  );
}

/**
 * The error for a wrong password; names the field so the app can put the message under it. Formats
 * without a password check value cannot tell a wrong password from damage: `unchecked` says why.
 */
export function wrongPassword(label: string, unchecked?: string): KeyfobError {
  const maybe = unchecked === undefined ? '' : ` (or the file is damaged: ${unchecked})`;
  return new KeyfobError(
    'invalid-input',
    `Wrong password for this ${label}${maybe}. Type the password that was set when the backup was made.`,
    'password',
  );
}

/** The error for an encrypted file read without a password. */
export function passwordNeeded(label: string): KeyfobError {
  return new KeyfobError(
    'invalid-input',
    `This ${label} is encrypted: give the password that was set when it was made.`,
    'password',
  );
}

/** A readable message for a per-entry failure (KeyfobErrors say what to fix; others stay generic). */
export function entryMessage(e: unknown): string {
  return e instanceof KeyfobError ? e.message : 'this entry could not be read';
}
