import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { splitLabel } from '../core';
import { googleAccountRow, readRows } from './app-databases';
import { passwordNeeded, textOf, type ImportFormat } from './format';
import { decryptSqlcipher3 } from './sqlcipher';
import { isSqlite, readTable, sqlText, type SqlRow } from './sqlite';
import { buildToken } from './token-build';
import { readUriList } from './uri-list';
import { baseName, readZipEntry, zipNames } from './zip-input';

// Authenticator Plus (com.mufri.authenticatorplus) makes two files, neither a zip holding a database:
// - Export (Backup & Restore → Export as Text and HTML): a password-protected zip with
//   `Accounts.txt` (one otpauth:// URI per line) and an HTML page. Aegis's fixture uses ZipCrypto;
//   users report archives only WinZip-compatible tools open, which suggests WinZip AES: both read.
// - Backup (Backup to SD card): `authplus.db` (a synced copy: `.synced_authplus.db`), an SQLCipher 3
//   database keyed with the master password (sqlcipher.ts), table `accounts` as Google
//   Authenticator's plus `position`, `category`…: type 0 TOTP, 1 HOTP, 2 Blizzard (hex secret,
//   8 digits, as Stratum reads it). An encrypted file has no header at all: it is recognised by its
//   name only, and can be named outright (`--format authenticator-plus-db`).
// @see formats-more.md "Authenticator Plus"; Aegis AuthenticatorPlusImporter (commits dc0f7c46,
//      1824d38f); Stratum AuthenticatorPlusBackupConverter.cs

const LABEL = 'Authenticator Plus export';
const DB_LABEL = 'Authenticator Plus backup (authplus.db)';
const accountsTxt = (name: string) => baseName(name).toLowerCase() === 'accounts.txt';

/** The password zip with Accounts.txt. */
export const authenticatorPlusFormat: ImportFormat = {
  id: 'authenticator-plus',
  label: LABEL,
  detect(_fileName, bytes) {
    return zipNames(bytes)?.some((e) => accountsTxt(e.name)) === true ? 0.95 : 0;
  },
  needsPassword(bytes) {
    return zipNames(bytes)?.some((e) => accountsTxt(e.name) && e.encrypted) === true;
  },
  async read(bytes, { password, sourceName, transfers }) {
    const data = await readZipEntry(bytes, LABEL, accountsTxt, 'Accounts.txt', password);
    return readUriList(textOf(data), sourceName, transfers);
  },
};

/** The SQLCipher backup. */
export const authenticatorPlusDbFormat: ImportFormat = {
  id: 'authenticator-plus-db',
  label: DB_LABEL,
  detect(fileName, bytes) {
    return /(^|[/\\])\.?(synced_)?authplus\.db$/iu.test(fileName) && bytes.length % 1024 === 0 ? 0.4 : 0;
  },
  needsPassword(bytes) {
    return !isSqlite(bytes);
  },
  async read(bytes, options) {
    let plain = bytes;
    if (!isSqlite(bytes)) {
      if (options.password === undefined) throw passwordNeeded(DB_LABEL);
      plain = await decryptSqlcipher3(bytes, options.password, DB_LABEL);
    }
    const rows = await readTable(plain, DB_LABEL, 'accounts');
    return readRows(rows, options, (r) => (r['type'] === 2 ? blizzard(r) : googleAccountRow(r)));
  },
};

/** A Blizzard (Battle.net) row: the secret in hexadecimal, TOTP with 8 digits, as Stratum reads it. */
function blizzard(r: SqlRow): Token {
  const secret = sqlText(r, 'secret').replace(/\s+/gu, '');
  if (!/^(?:[0-9a-f]{2})+$/iu.test(secret)) {
    throw new KeyfobError('invalid-input', "The Blizzard account's secret is not hexadecimal.", 'secret');
  }
  return buildToken({
    type: 'totp',
    ...splitLabel(sqlText(r, 'email'), sqlText(r, 'issuer') || 'Battle.net'),
    secret: new Uint8Array(Buffer.from(secret, 'hex')),
    digits: 8,
  });
}
