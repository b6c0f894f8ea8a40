import type { OtpType } from '../../../shared/otp-types';

// Group sizes by code length: short groups are easier to hold in mind while typing a code
// into another window. Lengths follow RFC 4226 §5.3 (6–8) and the 4–10 Keyfob accepts.
const GROUPS: Record<number, number[]> = {
  6: [3, 3],
  7: [3, 4],
  8: [4, 4],
  9: [3, 3, 3],
  10: [3, 3, 4],
};

/** A code split for reading (`123 456`, `1234 5678`); Steam's 5 letters and odd lengths stay as is. */
export function groupCode(code: string, type: OtpType): string {
  if (type === 'steam') return code;
  const sizes = GROUPS[code.length];
  if (!sizes) return code;
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(code.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** What a screen reader should say for a code: the grouped form, or "unavailable". */
export function spokenCode(code: string | null, type: OtpType): string {
  return code === null ? 'code unavailable' : `code ${groupCode(code, type)}`;
}
