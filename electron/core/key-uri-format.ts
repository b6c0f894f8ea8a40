import type { Token } from '../../shared/otp-types';
import { base32Encode } from './base32';
import { inputError } from './input-error';
import { validateParams } from './params';
import { percentEncode } from './percent';
import { assertSecretFits } from './secret';

/**
 * Writes a key URI that Keyfob and other apps read back to the same token: upper-case unpadded base32,
 * the issuer both as label prefix and `issuer=` parameter, every non-default parameter spelled out
 * (algorithm ≠ SHA1, digits ≠ 6, period ≠ 30, and the counter for HOTP).
 *
 * Steam is written as `otpauth://steam/…` (Aegis's spelling) rather than `totp…&encoder=steam`: an app
 * that does not know Steam then refuses the URI instead of silently showing wrong numeric codes.
 * Colons inside issuer or account are encoded as `%3A`; an issuer-less account containing a colon gets
 * an empty prefix (`otpauth://totp/:a%3Ab`) so the parser does not mistake its first part for an issuer.
 */
export function formatKeyUri(token: Token): string {
  const params = validateParams(token);
  assertSecretFits(token.secret);
  const issuer = token.issuer.trim();
  const account = token.account.trim();
  if (issuer === '' && account === '') {
    throw inputError('label', 'A key URI needs an issuer or an account name.');
  }
  const label =
    issuer === ''
      ? `${account.includes(':') ? ':' : ''}${labelPart(account)}`
      : `${labelPart(issuer)}:${labelPart(account)}`;
  const query: Array<[string, string]> = [['secret', base32Encode(token.secret)]];
  if (issuer !== '') query.push(['issuer', issuer]);
  if (params.type !== 'steam') {
    if (params.algorithm !== 'SHA1') query.push(['algorithm', params.algorithm]);
    if (params.digits !== 6) query.push(['digits', String(params.digits)]);
    if (params.period !== 30) query.push(['period', String(params.period)]);
    if (params.type === 'hotp') query.push(['counter', params.counter.toString()]);
  }
  const search = query.map(([name, value]) => `${name}=${percentEncode(value)}`).join('&');
  return `otpauth://${params.type}/${label}?${search}`;
}

/** Label parts keep `@` readable (a legal path character); colons, spaces and non-ASCII are %-encoded. */
function labelPart(text: string): string {
  return percentEncode(text, '@');
}
