import { accountName } from '../../../shared/account-name';
import { command, exactArgs, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';

/** `keyfob restore <id>`: undoes the last `replace` (within 30 days). */
export const restoreKey: Command = command({
  name: 'restore',
  summary: 'bring back the key an account had before the last replace',
  help: `usage: keyfob restore <id>

Makes the key that 'keyfob replace' set aside current again (possible for 30 days after the
replace). The key it replaces is kept in turn, so a restore can be undone the same way.`,
  options: {},
  async run({ positionals }, io) {
    const [id] = exactArgs(positionals, ['id'], "restore takes exactly one account id — see 'keyfob list'");
    const vault = await openVault(io);
    const account = await vault.restoreKey(id);
    io.out(`restored the previous key of ${accountName(account)} (${account.id})`);
    return EXIT.ok;
  },
});
