import { parseKeyUri } from '../../core';
import { KeyfobError } from '../../../shared/errors';
import { displayName } from '../account-json';
import { command, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';

/** `keyfob add <uri>`: stores one account; refuses a duplicate unless asked. */
export const add: Command = command({
  name: 'add',
  summary: 'add an account from an otpauth:// URI',
  help: `usage: keyfob add <otpauth-uri> [--allow-duplicate]

Adds one account. The secret goes to the system keychain; the rest to Keyfob's account list.
Quote the URI in the shell: it contains '&' and '?'.
  --allow-duplicate   add even when the same secret, issuer and account are already stored`,
  options: { 'allow-duplicate': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new KeyfobError(
        'invalid-input',
        "add takes exactly one otpauth:// URI — see 'keyfob add --help'",
      );
    }
    const token = parseKeyUri(positionals[0] ?? '');
    const vault = await openVault(io);
    const account = await vault.add(token, { allowDuplicate: values['allow-duplicate'] === true });
    io.out(`added ${account.id}  ${displayName(account)}`);
    return EXIT.ok;
  },
});
