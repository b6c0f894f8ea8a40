import { KeyfobError } from '../../shared/errors';
import { keyTextKind } from '../../shared/text-kind';
import type { Token } from '../../shared/otp-types';
import { formatKeyUri, parseKeyUri } from '../core';
import { lineSource, textOf, type ImportFormat, type ImportResult } from './format';
import { MigrationBatches } from './google-migration/batches';
import { parseMigrationUri } from './google-migration/transfer-uri';
import { checkEntryCount } from './import-limits';
import { isObject } from './json-input';

/** Blank lines and lines starting with '#' hold no key. */
const skipped = (trimmed: string) => trimmed === '' || trimmed.startsWith('#');

/** What the first line that holds anything claims to be (by its scheme), read from the file's start. */
export function firstLineKind(bytes: Uint8Array): ReturnType<typeof keyTextKind> {
  const first = textOf(bytes.subarray(0, 8192))
    .split(/\r?\n/u)
    .find((l) => !skipped(l.trim()));
  return first === undefined ? undefined : keyTextKind(first);
}

/**
 * Reads a list of key URIs, one per line, including Google Authenticator transfer codes
 * (`otpauth-migration://`). Every line that holds anything becomes an entry or an error, never an
 * abort. Transfer codes go to `transfers` when given (codes of one export spread over several
 * files); without it, this text's exports are completed, or reported incomplete, in the result. A
 * list of more lines than one import reads is refused as a whole before any line is parsed.
 */
export function readUriList(text: string, sourceName: string, transfers?: MigrationBatches): ImportResult {
  const result: ImportResult = { entries: [], errors: [] };
  const migrations = transfers ?? new MigrationBatches();
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  checkEntryCount(
    'This list',
    lines.reduce((n, l) => (skipped(l.trim()) ? n : n + 1), 0),
  );
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (skipped(trimmed)) return;
    const source = lineSource(sourceName, i + 1);
    try {
      if (keyTextKind(trimmed) === 'migration') migrations.add(parseMigrationUri(trimmed, source), source);
      else result.entries.push({ source, token: steamOfWinAuth(trimmed, parseKeyUri(trimmed)) });
    } catch (e) {
      const message = e instanceof KeyfobError ? e.message : 'not a readable key URI';
      result.errors.push({ source, message });
    }
  });
  if (transfers === undefined) {
    const done = migrations.finish();
    for (const e of done.entries) result.entries.push(e);
    for (const e of done.errors) result.errors.push(e);
  }
  return result;
}

/**
 * WinAuth (and apps that copy its export) write Steam accounts as `otpauth://totp/…&issuer=Steam`
 * with 5 digits and, from a Steam Desktop Authenticator import, the maFile JSON in `data=`: read
 * literally that is a numeric TOTP whose codes Steam never accepts. A TOTP whose issuer is Steam and
 * that has 5 digits is a Steam token; one whose `data` holds a `shared_secret` is a Steam token
 * with that secret (the `secret` parameter may be a placeholder, as in steamguard-cli's tests).
 */
function steamOfWinAuth(uri: string, token: Token): Token {
  if (token.type !== 'totp') return token;
  const steam = { ...token, type: 'steam' as const, algorithm: 'SHA1' as const, digits: 5, period: 30 };
  const data = /[?&]data=([^&]*)/iu.exec(uri)?.[1];
  if (data !== undefined) {
    let doc: unknown;
    try {
      doc = JSON.parse(decodeURIComponent(data.replace(/\+/gu, ' ')));
    } catch {
      doc = undefined;
    }
    const secret = isObject(doc) ? doc['shared_secret'] : undefined;
    if (typeof secret === 'string' && /^[A-Za-z0-9+/]+={0,2}$/u.test(secret)) {
      return { ...steam, secret: new Uint8Array(Buffer.from(secret, 'base64')) };
    }
  }
  return token.issuer.toLowerCase() === 'steam' && token.digits === 5 ? steam : token;
}

/** Writes one key URI per line: what Ente, Aegis and WinAuth import. Unencrypted! */
export function writeUriList(tokens: readonly Token[]): string {
  return tokens.map((t) => `${formatKeyUri(t)}\n`).join('');
}

/**
 * Any plain list of key URIs, one per line: Ente Auth's plain export, Aegis's "Google Authenticator
 * URI" export, WinAuth, hand-made lists. Blank lines and # comments are skipped.
 */
export const uriListFormat: ImportFormat = {
  id: 'otpauth',
  label: 'list of otpauth:// URIs',
  detect(fileName, bytes) {
    if (firstLineKind(bytes) === 'otpauth') return 0.8;
    return /\.(txt|uri|uris)$/iu.test(fileName) ? 0.1 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName, transfers }) {
    return readUriList(textOf(bytes), sourceName, transfers);
  },
};
