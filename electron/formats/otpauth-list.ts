import type { Token } from '../../shared/otp-types';
import { formatKeyUri } from '../core';

/** A plain list of key URIs, one per line (what Ente, Aegis and WinAuth import). Unencrypted! */
export function writeOtpauthList(tokens: readonly Token[]): string {
  return tokens.map((t) => `${formatKeyUri(t)}\n`).join('');
}
