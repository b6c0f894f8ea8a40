import { textOf } from './format';
import { parseShared } from './json-input';

// Android's SharedPreferences files (`shared_prefs/<name>.xml`), the app data of Authy, FreeOTP,
// FreeOTP+, TOTP Authenticator and Battle.net: one `<map>` of typed values, as Android's
// XmlUtils.writeMapXml writes them —
//   <string name="key">text, XML-escaped</string>   <int name="key" value="3" />
//   <long …/> <boolean …/> <float …/> <null name="key" />   <set name="key"><string>…</string></set>
// Only this flat subset is read (no namespaces, CDATA or nesting beyond <set>), which is all
// Android writes. Values come back as text: numbers and booleans as written in `value`.

/** One entry's opening tag: kind, name, optional value, and whether it closes itself. */
const OPEN_TAG =
  /<(string|int|long|boolean|float|null|set)\s+name="([^"<]*)"(?:\s+value="([^"<]*)")?\s*(\/?)>/uy;
const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** Decodes XML character and entity references (`&quot;`, `&#10;`, `&#x1F511;`); others stay as written. */
export function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/giu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The name → value map of a shared_prefs file, or undefined when the bytes are not one. */
export function sharedPrefs(bytes: Uint8Array): ReadonlyMap<string, string> | undefined {
  return parseShared(bytes, 'shared-prefs', parse);
}

/** True when the bytes are a shared_prefs file holding every key in `keys`. */
export function prefsHave(bytes: Uint8Array, ...keys: string[]): boolean {
  const prefs = sharedPrefs(bytes);
  return prefs !== undefined && keys.every((k) => prefs.has(k));
}

function parse(bytes: Uint8Array): ReadonlyMap<string, string> | undefined {
  const head = textOf(bytes.subarray(0, 512)).trimStart();
  if (!head.startsWith('<?xml') && !head.startsWith('<map')) return undefined;
  const text = textOf(bytes);
  const start = text.indexOf('<map');
  if (start < 0) return undefined;
  const map = new Map<string, string>();
  // A scan from tag to tag, each closing tag found with one indexOf: linear in the file's length
  // however it is broken (a lazy regex over unclosed tags would be quadratic).
  for (let at = text.indexOf('<', start + 1); at >= 0; at = text.indexOf('<', at + 1)) {
    OPEN_TAG.lastIndex = at;
    const m = OPEN_TAG.exec(text);
    if (m === null) continue;
    const [tag, kind = '', name = '', value, selfClosing] = m;
    let body = '';
    at += tag.length - 1;
    if (selfClosing !== '/') {
      const end = text.indexOf(`</${kind}>`, at);
      if (end < 0) break;
      body = text.slice(at + 1, end);
      at = end;
    }
    const key = xmlText(name);
    if (!map.has(key)) map.set(key, kind === 'string' ? xmlText(body) : xmlText(value ?? body));
  }
  return map;
}
