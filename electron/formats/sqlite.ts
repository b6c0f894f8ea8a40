import { readFileSync } from 'node:fs';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { KeyfobError } from '../../shared/errors';
import { damaged } from './format';
import { checkEntryCount } from './import-limits';
import { applyWal } from './sqlite-wal';

// The one way formats open SQLite files (app databases of Microsoft and Google Authenticator,
// Stratum, Authenticator Plus after SQLCipher decryption): sql.js, SQLite compiled to WebAssembly,
// so nothing native is built or downloaded. Its .wasm ships in the sql.js package and is read from
// there (main, the CLI and tests alike; electron-builder.yml packs it). The whole file is in memory
// (≤ 16 MB, the import limit) and is never written anywhere.

/** The first 16 bytes of every SQLite 3 database file. @see https://www.sqlite.org/fileformat2.html */
export const SQLITE_HEADER = 'SQLite format 3\u0000';

/** One row, by column name. */
export type SqlRow = Record<string, SqlValue>;

let engine: Promise<SqlJsStatic> | undefined;

/** sql.js, loaded and compiled on first use (most runs never open a database). */
function sqlJs(): Promise<SqlJsStatic> {
  engine ??= import('sql.js').then(({ default: initSqlJs }) => {
    const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
    return initSqlJs({ wasmBinary: new Uint8Array(wasm).buffer });
  });
  return engine;
}

/** True when the bytes start like an SQLite 3 database. */
export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && Buffer.from(bytes.subarray(0, 16)).toString('latin1') === SQLITE_HEADER;
}

/**
 * True when an SQLite file's schema text mentions every word (table and column names): enough to
 * tell app databases apart during detection, which must not wait for the engine. The schema sits
 * in the first pages of these small databases.
 */
export function schemaMentions(bytes: Uint8Array, ...words: string[]): boolean {
  if (!isSqlite(bytes)) return false;
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
  return words.every((w) => head.includes(w));
}

/**
 * Every row of `table`, read with sql.js. `wal` is the database's `-wal` file when one sat beside
 * it: its committed pages are applied first, since a phone's newest rows may live only there.
 * Throws a "damaged" error naming `label` when the file is no database or has no such table.
 */
export async function readTable(
  bytes: Uint8Array,
  label: string,
  table: string,
  wal?: Uint8Array,
): Promise<SqlRow[]> {
  const SQL = await sqlJs();
  const image = new Uint8Array(wal === undefined ? bytes : applyWal(bytes, wal, label));
  // Rollback-journal mode in the header (bytes 18–19): the image is complete, nothing to look for.
  image[18] = 1;
  image[19] = 1;
  let db: Database | undefined;
  try {
    db = new SQL.Database(image);
    const exists = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
    if (exists.length === 0) throw damaged(label, `it has no "${table}" table`);
    const count = Number(db.exec(`SELECT count(*) FROM "${table}"`)[0]?.values[0]?.[0] ?? 0);
    checkEntryCount(`This ${label}`, count);
    const rows: SqlRow[] = [];
    const statement = db.prepare(`SELECT * FROM "${table}"`);
    try {
      while (statement.step()) rows.push(statement.getAsObject());
    } finally {
      statement.free();
    }
    return rows;
  } catch (e) {
    if (e instanceof KeyfobError) throw e;
    throw damaged(label, `SQLite cannot read it (${sqlMessage(e)})`);
  } finally {
    db?.close();
  }
}

/** sql.js's message, one short line ("file is not a database"). */
function sqlMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : 'unknown error';
  return (text.split('\n')[0] ?? '').slice(0, 120);
}

/** A column as text ('' for NULL or a missing column; numbers as written). */
export function sqlText(row: SqlRow, column: string): string {
  const v = row[column];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

/** A column as a whole number, or `fallback` for NULL, a missing column or anything else. */
export function sqlInt(row: SqlRow, column: string, fallback: number): number {
  const v = row[column];
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,15}$/u.test(v.trim())) return Number(v.trim());
  return fallback;
}
