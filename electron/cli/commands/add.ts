import { parseKeyUri } from '../../core';
import { accountName } from '../../../shared/account-name';
import { command, exactArgs, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { uriArg } from '../uri-input';

/** `keyfob add <uri>`: stores one account; refuses a duplicate unless asked. */
export const add: Command = command({
  name: 'add',
  summary: 'add an account from an otpauth:// URI',
  help: `usage: keyfob add <otpauth-uri> [--allow-duplicate]
       keyfob add - [--allow-duplicate]        (the URI on standard input)

Adds one account. The secret goes to the system keychain; the rest to Keyfob's account list.
With '-' the URI is read from standard input (one line), so the secret stays out of your shell
history and the process list: pass show site-2fa | keyfob add -
A URI given as an argument needs quotes in the shell: it contains '&' and '?'.
  --allow-duplicate   add even when the same secret, issuer and account are already stored`,
  options: { 'allow-duplicate': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [uri] = exactArgs(
      positionals,
      ['uri'],
      "add takes exactly one otpauth:// URI, or '-' to read it from standard input — see 'keyfob add --help'",
    );
    const token = parseKeyUri(await uriArg(uri, io, 'add'));
    const vault = await openVault(io);
    const account = await vault.add(token, { allowDuplicate: values['allow-duplicate'] === true });
    io.out(`added ${account.id}  ${accountName(account)}`);
    return EXIT.ok;
  },
});
