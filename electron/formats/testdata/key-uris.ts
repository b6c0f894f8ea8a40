import type { Token } from '../../../shared/otp-types';
import { base32, percent } from './fixture-encoding';

// Key URIs as Google's Key-Uri-Format describes them (https://github.com/google/google-authenticator/wiki/Key-Uri-Format), written
// here without Keyfob's own URI code: `otpauth://TYPE/ISSUER:ACCOUNT?secret=…&issuer=…` with the
// optional parameters only when they differ from the defaults (SHA1, 6 digits, 30 s).

/** One key URI; Steam as `otpauth://steam/…` with secret and issuer only, as Aegis and Keyfob spell it. */
export function keyUri(t: Token): string {
  const label = `${percent(t.issuer, '@')}:${percent(t.account, '@')}`;
  const query = [`secret=${base32(t.secret)}`, `issuer=${percent(t.issuer)}`];
  if (t.type !== 'steam') {
    if (t.algorithm !== 'SHA1') query.push(`algorithm=${t.algorithm}`);
    if (t.digits !== 6) query.push(`digits=${t.digits}`);
    if (t.period !== 30) query.push(`period=${t.period}`);
    if (t.type === 'hotp') query.push(`counter=${t.counter}`);
  }
  return `otpauth://${t.type}/${label}?${query.join('&')}`;
}

/**
 * Keyfob's own plain export: one URI per line,
 * upper-case unpadded base32, issuer both as label prefix and parameter, every non-default
 * parameter spelled out. A test checks Keyfob's exporter writes exactly this.
 */
export function writeKeyfobList(tokens: readonly Token[]): string {
  return tokens.map((t) => `${keyUri(t)}\n`).join('');
}
