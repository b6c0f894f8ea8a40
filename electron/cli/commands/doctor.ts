import { command, type Command } from '../command';
import { onInterrupt } from '../interrupt';
import { EXIT } from '../io';
import { openVault } from '../open-vault';
import { progressLine } from '../progress-line';

/** `keyfob doctor`: a full keychain-versus-list audit for support staff. */
export const doctor: Command = command({
  name: 'doctor',
  summary: 'check that every account has its secret and every secret its account',
  help: `usage: keyfob doctor

Compares Keyfob's account list with every item Keyfob keeps in the system keychain, adopts
secrets whose account entry was lost, and reports accounts whose secret cannot be read.
Nothing is deleted that the list still names. On a terminal, standard error shows the step under
way (a thousand accounts take a few seconds).`,
  options: {},
  async run(_parsed, io) {
    const vault = await openVault(io);
    // With many accounts this takes seconds (a thousand: about 2.5 s on gnome-keyring), so a terminal
    // sees which step is under way. Ctrl+C ends it at once: the audit changes the list in one atomic
    // write and the keychain only as crash recovery would, so stopping anywhere leaves nothing half-done.
    const line = progressLine(io.progressStream, { verb: 'checking', noun: 'steps', timing: 'elapsed' });
    const release = onInterrupt({ first: quit, second: quit });
    function quit() {
      line.stop();
      io.err('keyfob: doctor stopped; nothing was left half-done');
      process.exit(EXIT.interrupted);
    }
    const check = async () => {
      line.note('comparing the account list with every keychain item');
      line.update(0, 2);
      const report = await vault.audit();
      const accounts = await vault.list();
      line.note(`reading ${accounts.length} secrets`);
      line.update(1, 2);
      return { report, accounts, secrets: await vault.secrets(accounts.map((a) => a.id)) };
    };
    const { report, accounts, secrets } = await check().finally(() => {
      release();
      line.stop();
    });
    for (const l of report.recovered) io.out(l);
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
