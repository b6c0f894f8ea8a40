import { fieldTitle, inputError, showValue } from './input-error';

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Percent-decodes one URI component into UTF-8 text. `plusIsSpace` is for the query, where Java and
 * Python write spaces as `+`; in the path a `+` is literal. Broken `%` sequences and invalid UTF-8
 * throw a `field` error (quoting the sequence, except for the secret) instead of a URIError.
 * @see RFC 3986 §2.1
 */
export function percentDecode(text: string, field: string, plusIsSpace: boolean): string {
  if (!text.includes('%') && !(plusIsSpace && text.includes('+'))) return text;
  const bytes: number[] = [];
  let literal = '';
  const flush = (): void => {
    for (const byte of utf8.encode(literal)) bytes.push(byte);
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/iu.test(hex)) {
        const quoted = field === 'secret' ? '' : ` (${showValue(`%${hex}`)})`;
        throw inputError(field, `${fieldTitle(field)} has a '%' not followed by two hex digits${quoted}.`);
      }
      flush();
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      literal += plusIsSpace && ch === '+' ? ' ' : ch;
    }
  }
  flush();
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    throw inputError(field, `${fieldTitle(field)} is not valid UTF-8 once its %-escapes are decoded.`);
  }
}

/**
 * Percent-encodes text as UTF-8, keeping RFC 3986 unreserved characters and any in `keep`
 * (e.g. `@` in a label, for readability). Lone surrogates become U+FFFD instead of throwing.
 */
export function percentEncode(text: string, keep = ''): string {
  let out = '';
  for (const byte of utf8.encode(text)) {
    const ch = String.fromCharCode(byte);
    const plain = /[A-Za-z0-9\-._~]/u.test(ch) || (byte < 0x80 && keep.includes(ch));
    out += plain ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
