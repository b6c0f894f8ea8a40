import { parseKeyUri } from '../core';
import { KeyfobError } from '../../shared/errors';
import type { ImportResult } from './import-result';

/**
 * Reads a plain list of key URIs, one per line (Ente Auth's plain export, Aegis's
 * "Google Authenticator URI" export, WinAuth, hand-made lists). Blank lines and lines starting
 * with '#' are skipped; every other line becomes an entry or an error, never an abort.
 */
export function parsePlainList(text: string, sourceName: string): ImportResult {
  const result: ImportResult = { entries: [], errors: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const source = `${sourceName}:${i + 1}`;
    try {
      result.entries.push({ source, token: parseKeyUri(trimmed) });
    } catch (e) {
      const message = e instanceof KeyfobError ? e.message : 'not a readable key URI';
      result.errors.push({ source, message });
    }
  });
  return result;
}
