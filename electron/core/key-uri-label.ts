import type { TokenLabel } from '../../shared/otp-types';
import { inputError } from './input-error';
import { percentDecode } from './percent';

// One label rule for key URIs and for every file format that stores a key URI's label as text
// ("Issuer:account"): the issuer prefix is split off at the first colon whether or not it equals
// the issuer named elsewhere; that issuer (the `issuer` parameter, or the file's issuer field)
// names the issuer when there is one, and the prefix only when there is not. Real Office 365 codes
// carry `otpauth://totp/Some+Company%3Ame%40example.com?…&issuer=Microsoft`: Microsoft /
// me@example.com. A label that starts with the whole issuer and a colon loses exactly that prefix,
// so an issuer that itself contains a colon ("ACME: Corp") survives.

/**
 * Splits a raw (still percent-encoded) label on its first colon, literal or `%3A` in any case.
 * Splitting before decoding keeps an encoded colon inside a name from splitting it.
 */
export function splitRawLabel(raw: string): { prefix: string | null; rest: string } {
  const colon = /:|%3A/iu.exec(raw);
  if (colon === null) return { prefix: null, rest: raw };
  return { prefix: raw.slice(0, colon.index), rest: raw.slice(colon.index + colon[0].length) };
}

/** The account after `issuer` and a colon at the start of `label` (any case), or undefined. */
function afterIssuer(label: string, issuer: string): string | undefined {
  if (issuer === '' || label.length <= issuer.length) return undefined;
  const head = label.slice(0, issuer.length + 1);
  return head.toLowerCase() === `${issuer.toLowerCase()}:`
    ? label.slice(issuer.length + 1).trim()
    : undefined;
}

/**
 * Issuer and account of a decoded "Issuer:account" label, by the rule above; `issuer` is the
 * issuer the file names besides the label ('' when none). Used by every format that carries labels.
 */
export function splitLabel(label: string, issuer = ''): TokenLabel {
  const text = label.trim();
  const named = issuer.trim();
  const exact = afterIssuer(text, named);
  if (exact !== undefined) return { issuer: named, account: exact };
  const colon = text.indexOf(':');
  if (colon < 0) return { issuer: named, account: text };
  return { issuer: named || text.slice(0, colon).trim(), account: text.slice(colon + 1).trim() };
}

/**
 * Issuer and account from a key URI's raw label and its decoded `issuer` parameter (null if absent),
 * by the rule above. A `+` in the label is a space, as in the query: Java's and Python's URL encoders
 * write spaces so, and real labels arrive that way ("Some+Company:me"); a literal plus is `%2B`.
 * Spaces around both parts are trimmed.
 */
export function resolveLabel(rawLabel: string, issuerParam: string | null): TokenLabel {
  const whole = percentDecode(rawLabel, 'label', true).trim();
  if (whole === '') {
    throw inputError('label', 'Key URI has no label; it needs an account name after otpauth://totp/.');
  }
  const param = issuerParam?.trim() ?? '';
  const exact = afterIssuer(whole, param);
  const { prefix, rest } = splitRawLabel(rawLabel);
  const label: TokenLabel =
    exact !== undefined
      ? { issuer: param, account: exact }
      : {
          issuer: param || (prefix === null ? '' : percentDecode(prefix, 'issuer', true).trim()),
          account: percentDecode(rest, 'account', true).trim(),
        };
  if (label.issuer === '' && label.account === '') {
    throw inputError('label', 'Key URI label has neither an issuer nor an account name.');
  }
  return label;
}
