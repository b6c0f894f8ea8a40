import type { Account } from '../../../shared/account';
import { KeyfobError } from '../../../shared/errors';
import type { TokenLabel } from '../../../shared/otp-types';
import { parseKeyUri } from '../../core';
import { accountName } from '../../../shared/account-name';
import { newKeyFor, storedMatches } from '../../services/stored-match';
import { command, exactArgs, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { uriArg } from '../uri-input';

/** `keyfob add <uri>`: stores one account; refuses a duplicate, or a new key for a stored account, unless asked. */
export const add: Command = command({
  name: 'add',
  summary: 'add an account from an otpauth:// URI',
  help: `usage: keyfob add <otpauth-uri> [--allow-duplicate]
       keyfob add - [--allow-duplicate]        (the URI on standard input)

Adds one account. The secret goes to the system keychain; the rest to Keyfob's account list.
With '-' the URI is read from standard input (one line), so the secret stays out of your shell
history and the process list: pass show site-2fa | keyfob add -
A URI given as an argument needs quotes in the shell: it contains '&' and '?'.
A key with the issuer and account name of a stored account but another secret is refused too: the
service has probably re-enrolled that account. 'keyfob replace <id> <uri>' gives the account its
new key (the old one is kept 30 days); --allow-duplicate adds it as a separate account.
  --allow-duplicate   add even when the same issuer and account (with the same or another key)
                      are already stored`,
  options: { 'allow-duplicate': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [uri] = exactArgs(
      positionals,
      ['uri'],
      "add takes exactly one otpauth:// URI, or '-' to read it from standard input — see 'keyfob add --help'",
    );
    const token = parseKeyUri(await uriArg(uri, io, 'add'));
    const allowDuplicate = values['allow-duplicate'] === true;
    const vault = await openVault(io);
    if (!allowDuplicate) {
      const [match] = await storedMatches(vault, [token]);
      const owners = newKeyFor(match);
      if (owners.length > 0) throw new KeyfobError('duplicate', newKeyRefusal(token, owners, uri));
    }
    const account = await vault.add(token, { allowDuplicate });
    io.out(`added ${account.id}  ${accountName(account)}`);
    return EXIT.ok;
  },
});

/** One line: whose new key this seems to be, and the two ways on (never the URI itself: it holds the secret). */
function newKeyRefusal(label: TokenLabel, owners: Account[], uri: string): string {
  const name = accountName(label);
  const arg = uri === '-' ? '-' : '<uri>';
  const [only] = owners;
  if (owners.length === 1 && only !== undefined)
    return `${name} is already in Keyfob as ${only.id} with another key (the service has probably issued a new one): 'keyfob replace ${only.id} ${arg}' makes this its key, keeping the old one 30 days, or add --allow-duplicate to add it as a separate account`;
  return `${owners.length} accounts named ${name} are already in Keyfob, each with another key (${owners.map((a) => a.id).join(', ')}): 'keyfob replace <id> ${arg}' gives the one you choose this key, keeping its old one 30 days, or add --allow-duplicate to add it as a separate account`;
}
