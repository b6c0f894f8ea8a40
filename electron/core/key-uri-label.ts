import type { TokenLabel } from '../../shared/otp-types';
import { inputError } from './input-error';
import { percentDecode } from './percent';

/**
 * Splits a raw (still percent-encoded) label on its first colon, literal or `%3A`. Splitting before
 * decoding keeps an encoded colon inside a name from splitting it; an issuer that itself contains a
 * colon is recovered from the `issuer` parameter in {@link resolveLabel}.
 */
export function splitRawLabel(raw: string): { prefix: string | null; rest: string } {
  const colon = /:|%3A/iu.exec(raw);
  if (colon === null) return { prefix: null, rest: raw };
  return { prefix: raw.slice(0, colon.index), rest: raw.slice(colon.index + colon[0].length) };
}

/**
 * Works out issuer and account from the raw label and the decoded `issuer` parameter (null if absent).
 *
 * Precedence (documented choice): the `issuer` parameter always names the issuer. Then:
 * - label is `<issuer param>:account` (exact, so colons inside the issuer survive) → that account;
 * - label prefix equals the parameter ignoring case, or there is no prefix → the part after the colon;
 * - label prefix disagrees (e.g. `Office:jane` with `issuer=Microsoft`) → the WHOLE decoded label
 *   becomes the account (`Office:jane`), so the prefix is kept rather than silently dropped.
 * Without a parameter the prefix is the issuer. Spaces around both parts are trimmed.
 */
export function resolveLabel(rawLabel: string, issuerParam: string | null): TokenLabel {
  const whole = percentDecode(rawLabel, 'label', false).trim();
  if (whole === '') {
    throw inputError('label', 'Key URI has no label; it needs an account name after otpauth://totp/.');
  }
  const { prefix, rest } = splitRawLabel(rawLabel);
  const prefixText = prefix === null ? '' : percentDecode(prefix, 'issuer', false).trim();
  const account = percentDecode(rest, 'account', false).trim();
  const label = pickIssuer(whole, prefixText, account, issuerParam?.trim() ?? '');
  if (label.issuer === '' && label.account === '') {
    throw inputError('label', 'Key URI label has neither an issuer nor an account name.');
  }
  return label;
}

/** The precedence documented on {@link resolveLabel}; all inputs already decoded and trimmed. */
function pickIssuer(whole: string, prefix: string, account: string, param: string): TokenLabel {
  if (param === '') return { issuer: prefix, account };
  if (whole.startsWith(`${param}:`)) return { issuer: param, account: whole.slice(param.length + 1).trim() };
  if (prefix === '' || prefix.toLowerCase() === param.toLowerCase()) return { issuer: param, account };
  return { issuer: param, account: whole };
}
