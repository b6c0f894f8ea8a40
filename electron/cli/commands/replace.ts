import { generateCode, parseKeyUri } from '../../core';
import { accountName } from '../../../shared/account-name';
import { atMs, command, exactArgs, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { uriArg } from '../uri-input';

/** `keyfob replace <id> <uri>`: re-provisions an account with a new key, keeping the old one for 30 days. */
export const replaceKey: Command = command({
  name: 'replace',
  summary: 'give an account a new key (after the service reset it); the old key is kept 30 days',
  help: `usage: keyfob replace <id> <otpauth-uri> [--at <unix-seconds>]
       keyfob replace <id> - [--at <unix-seconds>]   (the URI on standard input)

After a service has reset your two-factor enrolment: stores the new key of account <id> (see
'keyfob list'), keeping its place and name, and prints the new current code so you can check it
with the service. The old key stays in the keychain for 30 days: 'keyfob restore <id>' brings it
back if the service did not accept the new one. The name in the URI is ignored. With '-' the URI
is read from standard input (one line), so the new secret stays out of your shell history and the
process list.
HOTP: the code shown is for the new counter and is not used up.
  --at <unix-seconds>   time for the verification code (default: now)`,
  options: { at: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [id, uri] = exactArgs(
      positionals,
      ['id', 'uri'],
      "replace takes an account id and an otpauth:// URI (or '-' for standard input) — see 'keyfob replace --help'",
    );
    const token = parseKeyUri(await uriArg(uri, io, 'replace <id>'));
    const at = atMs(values, io);
    const vault = await openVault(io);
    const account = await vault.replaceKey(id, token);
    const code = generateCode({ ...account, secret: token.secret }, at).code;
    io.out(`replaced the key of ${accountName(account)} (${account.id})`);
    io.out(`new code: ${code}`);
    io.err(
      `keyfob: check this code with the service. 'keyfob restore ${account.id}' brings the old key back until ${account.replacedKey?.restorableUntil ?? 'it expires'}.`,
    );
    return EXIT.ok;
  },
});
