import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Token } from '../../shared/otp-types';

/** A fresh vault folder under the system temp dir. */
export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'keyfob-vault-'));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** A token with a deterministic secret derived from `seed` (never a real one). */
export function token(issuer: string, account: string, seed = 1, more: Partial<Token> = {}): Token {
  const secret = new Uint8Array(20).map((_, i) => (seed * 31 + i * 7) & 0xff);
  return {
    issuer,
    account,
    secret,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0n,
    ...more,
  };
}

/** The metadata file as JSON, bypassing the vault. */
export function readMetadata(home: string): { version: number; accounts: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(home, 'accounts.json'), 'utf8')) as {
    version: number;
    accounts: Array<Record<string, unknown>>;
  };
}

/** One on-disk account record with sensible defaults, for hand-made crash states. */
export function record(
  id: string,
  state: string,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    state,
    issuer: 'Acme',
    account: id,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: '0',
    order: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...more,
  };
}

/** Writes a metadata file by hand (to set up what a killed process would have left). */
export function writeMetadata(home: string, accounts: Array<Record<string, unknown>>): void {
  writeFileSync(join(home, 'accounts.json'), JSON.stringify({ version: 1, accounts }));
}
