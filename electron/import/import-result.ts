import type { Token } from '../../shared/otp-types';

/** One account found in a foreign file, with where it came from ("file:line", "entry 3"). */
export interface ImportEntry {
  source: string;
  token: Token;
}

/** What a format reader found: the usable entries and, separately, what it had to reject. */
export interface ImportResult {
  entries: ImportEntry[];
  errors: Array<{ source: string; message: string }>;
}
