import { parsePlainList } from '../import/plain-list';
import { textOf, type ImportFormat } from './format';

/** True when the text's first non-blank, non-comment line is a key URI. */
function startsWithUri(bytes: Uint8Array): boolean {
  const text = textOf(bytes.subarray(0, 8192));
  const first = text.split(/\r?\n/u).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return first !== undefined && /^\s*(otpauth|otpauth-migration|steam):\/\//iu.test(first);
}

/**
 * Any plain list of key URIs, one per line: Ente Auth's plain export, Aegis's "Google Authenticator
 * URI" export, WinAuth, hand-made lists. Parsing is electron/import/plain-list.ts (one URI per line,
 * blank lines and # comments skipped, each bad line its own error).
 */
export const plainUrisFormat: ImportFormat = {
  id: 'otpauth',
  label: 'list of otpauth:// URIs',
  detect(fileName, bytes) {
    if (startsWithUri(bytes)) return 0.8;
    return /\.(txt|uri|uris)$/iu.test(fileName) ? 0.1 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }) {
    return parsePlainList(textOf(bytes), sourceName);
  },
};
