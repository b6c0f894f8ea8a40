import { checkEntryCount } from './import-limits';
import { damaged, entrySource, type ImportFormat, type ImportResult } from './format';
import { freeOtpToken, orderByTokenOrder } from './freeotp-token';
import { isObject, parseJsonBytes, type JsonObject } from './json-input';
import { collect, emptyResult } from './token-build';

const LABEL = 'FreeOTP+ backup';

function backup(bytes: Uint8Array): JsonObject | undefined {
  const doc = parseJsonBytes(bytes);
  return isObject(doc) && Array.isArray(doc['tokens']) ? doc : undefined;
}

/**
 * FreeOTP+ JSON exports `freeotp-backup.json` = `{ tokenOrder: [id…], tokens: [...] }`, tokens as
 * FreeOTP 1.x writes them (freeotp-token.ts: signed-byte secrets, counters one less than the next).
 * Entries come out in `tokenOrder` order. @see Aegis FreeOtpPlusImporter, pyFreeOTPPlus README
 */
export const freeOtpPlusFormat: ImportFormat = {
  id: 'freeotp-plus',
  label: LABEL,
  detect(_fileName, bytes) {
    return backup(bytes) !== undefined ? 1 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }): Promise<ImportResult> {
    const doc = backup(bytes);
    if (doc === undefined) throw damaged(LABEL, 'it has no list of tokens');
    const tokens = doc['tokens'] as unknown[];
    checkEntryCount(`This ${LABEL}`, tokens.length);
    const result = emptyResult();
    for (const i of orderByTokenOrder(tokens, doc['tokenOrder']))
      collect(result, entrySource(sourceName, i), () => freeOtpToken(tokens[i], 1n));
    return result;
  },
};
