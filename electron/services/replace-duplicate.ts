import type { Account } from '../../shared/account';
import type { Token } from '../../shared/otp-types';
import type { Vault } from '../vault';

/**
 * "Replace" for a duplicate found while scanning or importing. A duplicate holds the same secret,
 * so replacing it means taking the incoming names and parameters (e.g. a newer HOTP counter) in
 * place: one atomic metadata write, the row keeps its id and place, and nothing is removed before
 * its successor exists.
 */
export function replaceDuplicate(vault: Vault, id: string, token: Token): Promise<Account> {
  const { secret: _secret, ...fields } = token;
  return vault.update(id, fields);
}
