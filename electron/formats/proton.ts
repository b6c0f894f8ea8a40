import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import { parseKeyUri } from '../core';
import { checkEntryCount } from './import-limits';
import { damaged, entrySource, type ImportFormat, type ImportResult } from './format';
import { fields, isObject, parseJsonBytes, type JsonObject } from './json-input';
import { collect, emptyResult } from './token-build';

const LABEL = 'Proton Authenticator export';

function exportDoc(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  if (!isObject(doc) || typeof doc['version'] !== 'number') return undefined;
  const protectedExport = typeof doc['salt'] === 'string' && typeof doc['content'] === 'string';
  const entries = doc['entries'];
  const plain =
    Array.isArray(entries) &&
    entries.every((e) => isObject(e) && isObject(e['content']) && 'uri' in e['content']);
  return plain || protectedExport ? doc : undefined;
}

/**
 * Proton Authenticator's JSON export `{ version: 1, entries: [{ id, content: { uri, entry_type:
 * "Totp"|"Steam", name }, note }] }` (proton-pass-common, authenticator crate, exporter.rs; Aegis's
 * ProtonAuthenticatorImporter reads the same). `uri` is an otpauth:// URI or `steam://<secret>`;
 * `name` is the account name shown in the app. Password-protected exports (`{ version, salt, content }`,
 * Argon2id + AES-256-GCM with associated data Keyfob could not confirm from public sources) are refused.
 */
export const protonFormat: ImportFormat = {
  id: 'proton',
  label: LABEL,
  detect(_fileName, bytes) {
    return exportDoc(bytes) !== undefined ? 1 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }): Promise<ImportResult> {
    const doc = exportDoc(bytes);
    if (doc === undefined) throw damaged(LABEL, 'it has no list of entries');
    if (!Array.isArray(doc['entries'])) {
      throw new KeyfobError(
        'invalid-input',
        'This Proton Authenticator export is password-protected, which Keyfob cannot read yet. Export again without a password.',
      );
    }
    if (doc['version'] !== 1) throw damaged(LABEL, `its version ${String(doc['version'])} is not 1`);
    checkEntryCount(`This ${LABEL}`, doc['entries'].length);
    const result = emptyResult();
    doc['entries'].forEach((e: unknown, i: number) =>
      collect(result, entrySource(sourceName, i), () => entry(e)),
    );
    return result;
  },
};

function entry(raw: unknown): Token {
  const content = fields(fields(isObject(raw) ? raw : {}, 'Proton entry').obj('content'), 'Proton entry');
  const t = parseKeyUri(content.str('uri'));
  const name = content.optStr('name').trim();
  return t.type === 'steam' && t.account === ''
    ? { ...t, account: name }
    : { ...t, account: name || t.account };
}
