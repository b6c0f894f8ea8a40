import { command, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';

/** `keyfob doctor`: a full keychain-versus-list audit for support staff. */
export const doctor: Command = command({
  name: 'doctor',
  summary: 'check that every account has its secret and every secret its account',
  help: `usage: keyfob doctor

Compares Keyfob's account list with every item Keyfob keeps in the system keychain, adopts
secrets whose account entry was lost, and reports accounts whose secret cannot be read.
Nothing is deleted that the list still names.`,
  options: {},
  async run(_parsed, io) {
    const vault = await openVault(io);
    const report = await vault.audit();
    for (const line of report.recovered) io.out(line);
    const accounts = await vault.list();
    const secrets = await vault.secrets(accounts.map((a) => a.id));
    let missing = 0;
    for (const a of accounts) {
      const s = secrets.get(a.id);
      if (!(s instanceof Uint8Array)) {
        missing++;
        io.out(`${a.id}  secret unavailable: ${s?.message ?? 'not in the keychain'}`);
      }
    }
    io.out(`${accounts.length} accounts, ${accounts.length - missing} with a readable secret`);
    return missing > 0 ? EXIT.system : EXIT.ok;
  },
});
