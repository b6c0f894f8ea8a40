import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { parseKeyUri } from '../core';
import { checkEntryCount } from './import-limits';
import { parseCsv } from './csv';
import {
  damaged,
  entrySource,
  lineSource,
  textOf,
  type EntrySource,
  type ImportFormat,
  type ImportResult,
} from './format';
import { isObject, parseJsonBytes, type JsonObject } from './json-input';
import { buildToken, collect, emptyResult } from './token-build';

const LABEL = 'Bitwarden export';

/** One login with a TOTP value, however the export spelled it. */
interface Login {
  source: EntrySource;
  name: string;
  username: string;
  totp: string;
}

function jsonExport(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  return isObject(doc) && Array.isArray(doc['items']) ? doc : undefined;
}

function csvHeader(bytes: Uint8Array): string[] | undefined {
  const first = textOf(bytes.subarray(0, 4096)).split(/\r?\n/u)[0] ?? '';
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/gu, ''));
  return cells.includes('login_totp') ? cells : undefined;
}

/**
 * Bitwarden's unencrypted exports. JSON: `items[].login.totp`; CSV: the `login_totp` column. The value
 * is an `otpauth://` URI, `steam://<base32>`, or a bare base32 secret (Bitwarden then means TOTP,
 * SHA-1, 6 digits, 30 s). Items without a TOTP are skipped silently (they are plain passwords). Where
 * the value carries no name, the item's name is the issuer and its username the account.
 * Password-protected exports (`"encrypted": true`) are refused with what to do instead.
 */
export const bitwardenFormat: ImportFormat = {
  id: 'bitwarden',
  label: LABEL,
  detect(_fileName, bytes) {
    return jsonExport(bytes) !== undefined || csvHeader(bytes) !== undefined ? 1 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }): Promise<ImportResult> {
    const logins = jsonExport(bytes) !== undefined ? fromJson(bytes, sourceName) : fromCsv(bytes, sourceName);
    checkEntryCount(`This ${LABEL}`, logins.length);
    const result = emptyResult();
    for (const login of logins) collect(result, login.source, () => token(login));
    return result;
  },
};

function fromJson(bytes: Uint8Array, sourceName: string): Login[] {
  const doc = jsonExport(bytes) as JsonObject;
  if (doc['encrypted'] === true) {
    throw new KeyfobError(
      'invalid-input',
      'This Bitwarden export is password-protected, which Keyfob cannot read. Export again as ".json" (not "encrypted").',
    );
  }
  return (doc['items'] as unknown[]).flatMap((item, i) => {
    const login = isObject(item) && isObject(item['login']) ? item['login'] : undefined;
    const totp = login?.['totp'];
    if (typeof totp !== 'string' || totp.trim() === '') return [];
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const name = isObject(item) ? text(item['name']) : '';
    return [{ source: entrySource(sourceName, i), name, username: text(login?.['username']), totp }];
  });
}

function fromCsv(bytes: Uint8Array, sourceName: string): Login[] {
  const rows = parseCsv(textOf(bytes));
  const header = rows.shift()?.cells.map((c) => c.trim());
  const col = (name: string): number => header?.indexOf(name) ?? -1;
  if (header === undefined || col('login_totp') < 0) throw damaged(LABEL, 'it has no login_totp column');
  return rows.flatMap(({ line, cells }) => {
    const totp = cells[col('login_totp')] ?? '';
    if (totp.trim() === '') return [];
    return [
      {
        source: lineSource(sourceName, line),
        name: cells[col('name')] ?? '',
        username: cells[col('login_username')] ?? '',
        totp,
      },
    ];
  });
}

/** A key URI with an empty label (`otpauth://totp/?secret=…`), as Bitwarden keeps a key entered without one. */
const NO_LABEL = /^(otpauth:\/\/[^/?#]*)\/?(?=\?|$)/iu;

function token(login: Login): Token {
  const value = login.totp.trim();
  if (/^otpauth:\/\//iu.test(value)) {
    // The label is filled in so the URI parses; the item's username then names the account.
    const unlabelled = NO_LABEL.test(value);
    const t = parseKeyUri(unlabelled ? value.replace(NO_LABEL, '$1/-') : value);
    const account = unlabelled ? login.username.trim() : t.account || login.username;
    return { ...t, issuer: t.issuer || login.name.trim(), account };
  }
  const steam = /^steam:\/\//iu.test(value);
  const secret = steam ? parseKeyUri(value).secret : value;
  return buildToken({ type: steam ? 'steam' : 'totp', issuer: login.name, account: login.username, secret });
}
