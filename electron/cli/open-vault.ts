import { homedir } from 'node:os';
import { Vault, keytarSecretStore, resolveVaultLocation } from '../vault';
import type { Io } from './io';

/**
 * Opens the same vault the app uses (or the one KEYFOB_HOME / KEYFOB_KEYCHAIN_SERVICE name) and
 * tells the user on stderr what crash recovery did, so nothing changes silently.
 */
export async function openVault(io: Io): Promise<Vault> {
  const { home, service } = resolveVaultLocation(io.env, process.platform, homedir());
  const { vault, report } = await Vault.open({
    home,
    secrets: keytarSecretStore(service, process.platform, { home }),
    now: io.now,
  });
  for (const line of report.recovered) io.err(`keyfob: ${line}`);
  return vault;
}
