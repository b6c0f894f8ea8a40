import { damaged, entrySource, type ImportFormat } from './format';
import { freeOtpToken, orderByTokenOrder } from './freeotp-token';
import { checkEntryCount } from './import-limits';
import { parseJsonText } from './json-input';
import { sharedPrefs } from './shared-prefs';
import { collect, emptyResult } from './token-build';

const LABEL = 'FreeOTP app data file (tokens.xml)';

/**
 * FreeOTP 1.x and FreeOTP+ app data: `shared_prefs/tokens.xml` of `org.fedorahosted.freeotp` or
 * `org.liberty.android.freeotpplus` (root, or `apps/…/sp/tokens.xml` in an `adb backup`). One
 * `<string name="issuer:label">` per token holding its JSON (freeotp-token.ts: signed-byte secret,
 * stored counter one less than the next), plus `tokenOrder`, the JSON list of those names.
 * @see formats-more.md "FreeOTP 1.x", "FreeOTP+"; Aegis FreeOtpImporter.readV1; FreeOTP Token.java
 */
export const freeOtpXmlFormat: ImportFormat = {
  id: 'freeotp-xml',
  label: LABEL,
  detect(_fileName, bytes) {
    const prefs = sharedPrefs(bytes);
    return prefs?.has('tokenOrder') === true ? 0.95 : 0;
  },
  needsPassword() {
    return false;
  },
  async read(bytes, { sourceName }) {
    const prefs = sharedPrefs(bytes);
    if (prefs === undefined) throw damaged(LABEL, 'it is not an Android preferences file');
    const names = [...prefs.keys()].filter((k) => k !== 'tokenOrder');
    checkEntryCount(`This ${LABEL}`, names.length);
    const tokens = names.map((k) => parseJsonText(prefs.get(k) ?? ''));
    const result = emptyResult();
    for (const i of orderByTokenOrder(tokens, parseJsonText(prefs.get('tokenOrder') ?? '')))
      collect(result, entrySource(sourceName, i), () => freeOtpToken(tokens[i], 1n));
    return result;
  },
};
