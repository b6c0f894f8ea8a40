import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { Token } from '../../shared/otp-types';
import type { Vault } from '../vault';

/**
 * The given accounts with their secrets, in the given order, reading only those accounts' keychain
 * items. A secret that cannot be read fails the whole call: an export or transfer never silently
 * leaves an account out.
 */
export async function tokensOf(vault: Vault, accounts: readonly Account[]): Promise<Token[]> {
  const secrets = await vault.secrets(accounts.map((a) => a.id));
  return accounts.map((a) => {
    const secret = secrets.get(a.id);
    if (!(secret instanceof Uint8Array))
      throw secret ?? new KeyfobError('not-found', 'The secret of an account is missing from the keychain.');
    const { id: _i, order: _o, createdAt: _c, updatedAt: _u, replacedKey: _r, ...token } = { ...a, secret };
    return token;
  });
}
