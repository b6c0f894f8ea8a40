import { accountName } from '../../../shared/account-name';
import { command, exactArgs, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';

/** `keyfob remove <id>`: deletes an account and its keychain item. */
export const remove: Command = command({
  name: 'remove',
  summary: 'remove an account by id',
  help: `usage: keyfob remove <id>

Removes the account with this id (see 'keyfob list') and its secret from the keychain.
This cannot be undone: export or note the key first if you may need it again.`,
  options: {},
  async run({ positionals }, io) {
    const [id] = exactArgs(positionals, ['id'], "remove takes exactly one account id — see 'keyfob list'");
    const vault = await openVault(io);
    const account = await vault.get(id);
    await vault.remove(account.id);
    io.out(`removed ${account.id}  ${accountName(account)}`);
    return EXIT.ok;
  },
});
