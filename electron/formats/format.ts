import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import type { MigrationBatches } from './google-migration/batches';

/**
 * Where an entry was found: the file (as named on the command line or in the dialog, or "transfer
 * code 2 of 3" for a scanned code), the line of a list or the entry of a structured backup
 * (1-based; absent for the file as a whole), and for a Google transfer code the account's place
 * in it (1-based). Positions stay numbers so rows sort by them; {@link showSource} words them.
 */
export interface EntrySource {
  file: string;
  unit?: 'line' | 'entry';
  at?: number;
  part?: number;
}

/** One account found in a foreign file, with where it came from. */
export interface ImportEntry {
  source: EntrySource;
  token: Token;
}

/** What a format reader found: the usable entries and, separately, what it had to reject. */
export interface ImportResult {
  entries: ImportEntry[];
  errors: Array<{ source: EntrySource; message: string }>;
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
  /** The file's name, as every entry's {@link EntrySource} gives it. */
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

/** The source of the n-th (0-based) entry of a structured file. */
export function entrySource(file: string, index: number): EntrySource {
  return { file, unit: 'entry', at: index + 1 };
}

/** The source of line `line` (1-based, as editors number lines) of a text file. */
export function lineSource(file: string, line: number): EntrySource {
  return { file, unit: 'line', at: line };
}

/** A source as people read it: "backup.json#3", "list.txt:3", "list.txt:3 entry 2", "transfer code entry 1". */
export function showSource(s: EntrySource): string {
  const at = s.at === undefined ? '' : `${s.unit === 'line' ? ':' : '#'}${s.at}`;
  return `${s.file}${at}${s.part === undefined ? '' : ` entry ${s.part}`}`;
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
