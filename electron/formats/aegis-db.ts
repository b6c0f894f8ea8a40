import { randomUUID } from 'node:crypto';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { base32Encode } from '../core';
import { damaged, entrySource, type ImportResult } from './format';
import { checkEntryCount } from './import-limits';
import { fields, isObject, type JsonObject } from './json-input';
import { buildToken, collect, emptyResult } from './token-build';

/** Aegis's content ("db") format version Keyfob writes: 3 has top-level groups. @see Aegis Vault.java */
export const AEGIS_DB_VERSION = 3;
const LABEL = 'Aegis backup';

/**
 * Reads Aegis's decrypted content `{ version: 1|2|3, entries: [...], groups?: [...] }`. Groups (v2's
 * `entry.group`, v3's `groups`/`entry.groups`) have no counterpart in Keyfob and are ignored; unknown
 * entry types (Yandex, mOTP) are rejected one by one.
 */
export function readAegisDb(db: unknown, sourceName: string): ImportResult {
  if (!isObject(db) || !Array.isArray(db['entries'])) {
    throw damaged(LABEL, 'its content has no list of entries');
  }
  const version = db['version'];
  if (typeof version === 'number' && version > AEGIS_DB_VERSION) {
    throw damaged(LABEL, `its content is version ${version}, newer than Keyfob knows (${AEGIS_DB_VERSION})`);
  }
  checkEntryCount(`This ${LABEL}`, db['entries'].length);
  const result = emptyResult();
  db['entries'].forEach((raw: unknown, i: number) =>
    collect(result, entrySource(sourceName, i), () => aegisEntryToken(raw)),
  );
  return result;
}

function aegisEntryToken(raw: unknown): Token {
  if (!isObject(raw)) throw new KeyfobError('invalid-input', 'This Aegis entry is not a JSON object.');
  const e = fields(raw, 'Aegis entry');
  const type = e.str('type');
  const info = fields(e.obj('info'), 'Aegis entry');
  return buildToken({
    type,
    issuer: e.optStr('issuer'),
    account: e.optStr('name'),
    secret: info.str('secret'),
    algorithm: info.optStr('algo', 'SHA1'),
    digits: info.int('digits', 6),
    period: type === 'hotp' ? 30 : info.int('period', 30),
    counter: type === 'hotp' ? info.counter('counter') : 0n,
  });
}

/** Aegis's entry JSON for a token, field by field as VaultEntry/OtpInfo.toJson write it. */
export function aegisEntry(t: Token, uuid: () => string = randomUUID): JsonObject {
  const info: JsonObject = { secret: base32Encode(t.secret), algo: t.algorithm, digits: t.digits };
  if (t.type === 'hotp') info['counter'] = t.counter;
  else info['period'] = t.period;
  return {
    type: t.type,
    uuid: uuid(),
    name: t.account,
    issuer: t.issuer,
    note: '',
    favorite: false,
    icon: null,
    info,
    groups: [],
  };
}

/** The content object for a list of tokens (db version 3, no groups), in the given order. */
export function aegisDb(tokens: readonly Token[], uuid: () => string = randomUUID): JsonObject {
  return { version: AEGIS_DB_VERSION, entries: tokens.map((t) => aegisEntry(t, uuid)), groups: [] };
}
