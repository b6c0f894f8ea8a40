import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { requirePrivateKeyring } from '../vault/keyring';

/** The built `keyfob` command (`npm run build` writes it). */
export const KEYFOB_BIN = resolve(__dirname, '../../out/main/keyfob.js');

/** Fails unless the test runs on the private keyring and the CLI is built: tests that spawn `keyfob` need both. */
export function requireBuiltCliOnKeyring(): void {
  requirePrivateKeyring();
  if (!existsSync(KEYFOB_BIN)) throw new Error(`${KEYFOB_BIN} is missing: run 'npm run build' first`);
}
