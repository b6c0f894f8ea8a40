import { KeyfobError } from '../../shared/errors';

/** Field names the core reports in `KeyfobError.field`. */
export type CoreField =
  | 'uri'
  | 'type'
  | 'label'
  | 'issuer'
  | 'account'
  | 'secret'
  | 'algorithm'
  | 'digits'
  | 'period'
  | 'counter'
  | 'time';

/** Builds the user-fixable error every core check throws: code `invalid-input`, with the field at fault. */
export function inputError(field: CoreField | string, message: string): KeyfobError {
  return new KeyfobError('invalid-input', message, field);
}

/** "secret" → "Secret", for messages that start with the field's name. */
export function fieldTitle(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/**
 * Shows one character so a user can find it: printable ones quoted, invisible ones as U+XXXX.
 * Only ever used for a single offending character, never for a whole (possibly secret) value.
 */
export function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const invisible = cp < 0x21 || (cp >= 0x7f && cp <= 0xa0) || /\p{White_Space}|\p{Cf}/u.test(ch);
  return invisible ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
}

/**
 * Quotes a non-secret value for a message, cut short so a pasted essay cannot flood the UI, with
 * line breaks and other control characters written as U+XXXX so the message stays one line.
 */
export function showValue(value: string): string {
  const cut = [...value];
  const shown = cut
    .slice(0, 24)
    .map((ch) => (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(ch) ? showChar(ch) : ch))
    .join('');
  return cut.length > 24 ? `'${shown}…'` : `'${shown}'`;
}
