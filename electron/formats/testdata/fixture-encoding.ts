// Encodings the fixture writers need, written here from their RFCs so that no fixture borrows a
// helper from the readers it is meant to check.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648 §6

/** RFC 4648 base32, upper case, no padding (the form key URIs and most apps use). */
export function base32(bytes: Uint8Array): string {
  // Spelled as a bit string cut into 5-bit letters: slow, but plainly the RFC's §6 procedure.
  const bits = Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('');
  return (bits.match(/.{1,5}/gu) ?? []).map((five) => BASE32[parseInt(five.padEnd(5, '0'), 2)]).join('');
}

/** RFC 4648 base32 padded with `=` to a multiple of 8 characters (Apache Commons, as andOTP writes). */
export function base32Padded(bytes: Uint8Array): string {
  const text = base32(bytes);
  return text.padEnd(Math.ceil(text.length / 8) * 8, '=');
}

/** Decodes upper-case unpadded base32 written in this folder (canonical secrets); throws on anything else. */
export function fromBase32(text: string): Uint8Array {
  const bits = Array.from(text, (ch) => {
    const digit = BASE32.indexOf(ch);
    if (digit < 0) throw new Error(`not base32: ${ch}`);
    return digit.toString(2).padStart(5, '0');
  }).join('');
  return Uint8Array.from(bits.match(/.{8}/gu) ?? [], (eight) => parseInt(eight, 2));
}

/** Lower-case hexadecimal. */
export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Standard base64 with padding (RFC 4648 §4). */
export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Java's `byte[]` as Gson writes it: signed values −128…127. */
export const javaBytes = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

/**
 * Percent-encodes UTF-8 text for a URI (RFC 3986 §2.1), keeping the unreserved characters and those
 * in `keep` (e.g. `@`, legal in a path segment by §3.3), with upper-case hex digits.
 */
export function percent(text: string, keep = ''): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out +=
      /[A-Za-z0-9\-._~]/u.test(ch) || keep.includes(ch)
        ? ch
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** JSON text where bigint values are written as plain JSON numbers, at any size. */
export function json(value: unknown, indent?: number): string {
  const marker = '\u0000bigint:';
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? `${marker}${v}` : v),
    indent,
  );
  return text.replace(/"\\u0000bigint:(-?\d+)"/gu, '$1');
}

/** JSON as Gson writes it by default: `=`, `<`, `>`, `&` and `'` escaped as \u003d and so on. */
export function gson(value: unknown): string {
  return json(value).replace(/[=<>&']/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** XML text as Android's FastXmlSerializer escapes it (&, <, >, "). */
export const xmlEscape = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/**
 * An Android shared_prefs file as XmlUtils.writeMapXml writes it: the XML declaration, `<map>`,
 * one element per value indented by four spaces, `</map>`.
 */
export function sharedPrefsXml(
  values: ReadonlyArray<readonly [kind: string, name: string, value: string]>,
): string {
  const lines = values.map(([kind, name, value]) =>
    kind === 'string'
      ? `    <string name="${xmlEscape(name)}">${xmlEscape(value)}</string>`
      : `    <${kind} name="${xmlEscape(name)}" value="${xmlEscape(value)}" />`,
  );
  return `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n${lines.join('\n')}\n</map>\n`;
}

/**
 * .NET's HttpUtility.UrlEncode, which WinAuth uses: letters, digits and `-_.!*()` kept, a space as
 * `+`, every other UTF-8 byte as `%xx` in lower case.
 */
export function formEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.!*()]/u.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}
