import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { splitLabel } from '../core';
import { entrySource, type ImportFormat, type ImportResult, type ReadOptions } from './format';
import { readTable, schemaMentions, sqlInt, sqlText, type SqlRow } from './sqlite';
import { buildToken, collect, emptyResult } from './token-build';

// App databases (SQLite files from a rooted phone or an old `adb backup`) of Microsoft and Google
// Authenticator. Both keep recent rows in a write-ahead log until the app checkpoints: the file
// `<name>-wal` beside the database is read too when it is there (sqlite-wal.ts).

/** An app database format: the table it reads, how it is recognised and how a row becomes a token. */
export function appDatabase(spec: {
  id: string;
  label: string;
  /** Table and column names its schema mentions. */
  schema: string[];
  table: string;
  row: (row: SqlRow) => Token;
}): ImportFormat {
  return {
    id: spec.id,
    label: spec.label,
    detect(_fileName, bytes) {
      return schemaMentions(bytes, ...spec.schema) ? 0.95 : 0;
    },
    needsPassword() {
      return false;
    },
    async read(bytes, options) {
      return readRows(
        await readTable(bytes, spec.label, spec.table, await walOf(options)),
        options,
        spec.row,
      );
    },
  };
}

/** The `-wal` file beside the database, when there is one. */
export async function walOf({ sourceName, companion }: ReadOptions): Promise<Uint8Array | undefined> {
  const base = sourceName.slice(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
  return companion?.(`${base}-wal`);
}

/** Every row as an entry or an error, in table order. */
export function readRows(
  rows: SqlRow[],
  { sourceName }: ReadOptions,
  row: (r: SqlRow) => Token,
): ImportResult {
  const result = emptyResult();
  rows.forEach((r, i) => collect(result, entrySource(sourceName, i), () => row(r)));
  return result;
}

/**
 * Microsoft Authenticator: `com.azure.authenticator/databases/PhoneFactor`, table `accounts`.
 * `account_type` 0 is a third-party TOTP (base32 secret, 6 digits), 1 a personal Microsoft account
 * (base64 secret, 8 digits); both SHA-1, 30 s (as Aegis reads them; android-otp-extractor treats
 * type 2 as 8-digit instead — unverified). Other types are work or school accounts that sign in
 * with Microsoft's own notifications: listed as not importable. `name` is the issuer, `username`
 * the account. @see formats-more.md "Microsoft Authenticator"; Aegis MicrosoftAuthImporter
 */
export const microsoftAuthenticatorFormat = appDatabase({
  id: 'microsoft-authenticator',
  label: 'Microsoft Authenticator database (PhoneFactor)',
  schema: ['accounts', 'oath_secret_key', 'account_type'],
  table: 'accounts',
  row(r) {
    const type = sqlInt(r, 'account_type', -1);
    const secret = sqlText(r, 'oath_secret_key').trim();
    if ((type !== 0 && type !== 1) || secret === '') {
      throw new KeyfobError(
        'invalid-input',
        'Cannot be imported: a Microsoft work or school account that signs in with Microsoft Authenticator itself has no code seed.',
      );
    }
    return buildToken({
      type: 'totp',
      issuer: sqlText(r, 'name'),
      account: sqlText(r, 'username'),
      secret: type === 0 ? secret : base64(secret),
      digits: type === 0 ? 6 : 8,
    });
  },
});

function base64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(text))
    throw new KeyfobError('invalid-input', 'The secret is not base64.', 'secret');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/**
 * A row of Google Authenticator's (and Authenticator Plus's) `accounts` table: `type` 0 TOTP
 * (SHA-1/6/30), 1 HOTP with `counter`; `secret` base32 (spaces and dashes allowed); `email` is the
 * key URI's label, split by the one label rule with the `issuer` column naming the issuer.
 */
export function googleAccountRow(r: SqlRow): Token {
  if (sqlInt(r, 'isencrypted', 0) !== 0) {
    throw new KeyfobError(
      'invalid-input',
      'Cannot be imported: Google Authenticator encrypted this key (versions after 5.10); use its Transfer accounts QR codes instead.',
    );
  }
  const type = sqlInt(r, 'type', 0);
  if (type !== 0 && type !== 1)
    throw new KeyfobError('invalid-input', `Cannot be imported: unknown account type ${type}.`, 'type');
  return buildToken({
    type: type === 1 ? 'hotp' : 'totp',
    ...splitLabel(sqlText(r, 'email'), sqlText(r, 'issuer')),
    secret: sqlText(r, 'secret'),
    counter: type === 1 ? BigInt(sqlInt(r, 'counter', 0)) : 0n,
  });
}

/**
 * Google Authenticator ≤ 5.10: `com.google.android.apps.authenticator2/databases/databases`, table
 * `accounts (_id, email, secret, counter, type, provider, issuer, original_name)`; later versions
 * encrypt the secrets (`isencrypted`): such rows are listed as not importable.
 * @see formats-more.md "Google Authenticator (app data)"; Aegis GoogleAuthImporter
 */
export const googleAuthenticatorDbFormat = appDatabase({
  id: 'google-authenticator-db',
  label: 'Google Authenticator database (databases)',
  schema: ['accounts', 'email', 'secret', 'original_name'],
  table: 'accounts',
  row: googleAccountRow,
});
