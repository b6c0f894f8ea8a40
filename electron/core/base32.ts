import { fieldTitle, inputError, showChar } from './input-error';

/** @see RFC 4648 §6 — the base32 alphabet; `0 1 8 9` are deliberately absent. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Letters people type by mistake for a look-alike base32 letter. */
const LOOK_ALIKES: Record<string, string> = { '0': 'O', '1': 'I or L', '8': 'B' };

/**
 * Decodes RFC 4648 base32 as people actually paste it: any case, spaces/dashes between groups,
 * padding optional (any amount, only at the end), lengths that are not a multiple of 8.
 * Leftover bits that do not fill a byte are dropped, as every authenticator app does.
 * Errors name `field` and at most the one offending character, never the text itself.
 */
export function base32Decode(text: string, field = 'secret'): Uint8Array {
  const clean = text
    .replace(/[\s-]+/gu, '')
    .toUpperCase()
    .replace(/=+$/u, '');
  const title = fieldTitle(field);
  if (clean.length === 0) throw inputError(field, `${title} is empty; paste the base32 key the site showed.`);
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const ch of clean) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) {
      const hint = LOOK_ALIKES[ch] === undefined ? '' : ` (did you mean ${LOOK_ALIKES[ch]}?)`;
      throw inputError(
        field,
        `${title} contains ${showChar(ch)}, which is not a base32 letter (A–Z, 2–7)${hint}.`,
      );
    }
    buffer = ((buffer << 5) | value) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >>> bits) & 0xff;
    }
  }
  if (out.length === 0)
    throw inputError(field, `${title} is too short: one base32 letter holds no whole byte.`);
  return out;
}

/** Encodes bytes as upper-case RFC 4648 base32 without padding, the form key URIs use. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
