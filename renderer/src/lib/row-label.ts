import type { OtpType } from '../../../shared/otp-types';
import { spokenCode } from './code-format';
import { accountSubtitle, accountTitle } from '../../../shared/account-name';

/** Inputs of a row's accessible name. */
export interface RowLabelParts {
  issuer: string;
  account: string;
  type: OtpType;
  code: string | null;
  /** True while the first codes are still being fetched (code is null but not unavailable). */
  loading?: boolean;
}

/**
 * A row's accessible name: "GitHub, alice@example.com, code 123 456". It changes only with the
 * code; the seconds left belong to the row's progressbar, so the name is not re-announced every second.
 */
export function rowLabel(p: RowLabelParts): string {
  const parts = [accountTitle(p)];
  const second = accountSubtitle(p);
  if (second) parts.push(second);
  parts.push(p.code === null && p.loading ? 'loading code' : spokenCode(p.code, p.type));
  return parts.join(', ');
}

/** A stable hue (0–359) for an issuer's avatar, so each service keeps its colour across launches. */
export function avatarHue(name: string): number {
  let h = 0;
  for (const ch of name.toLowerCase()) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return h;
}

/** The avatar letter: the first letter or digit of the name, upper-cased. */
export function avatarInitial(name: string): string {
  const m = /[\p{L}\p{N}]/u.exec(name);
  return m ? m[0].toLocaleUpperCase('en') : '?';
}
