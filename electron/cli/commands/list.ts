import { accountName } from '../../../shared/account-name';
import { accountJson } from '../account-json';
import { command, type Command } from '../command';
import { EXIT } from '../io';
import { openVault } from '../open-vault';

/** `keyfob list`: the stored accounts in the user's order, without secrets. */
export const list: Command = command({
  name: 'list',
  summary: 'list stored accounts',
  help: `usage: keyfob list [--json]

Lists the stored accounts in their order. No secret is printed.
  --json   one JSON array: id, type, issuer, account, algorithm, digits, period, counter`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const vault = await openVault(io);
    const accounts = await vault.list();
    if (values['json']) {
      io.out(JSON.stringify(accounts.map(accountJson), null, 2));
      return EXIT.ok;
    }
    if (accounts.length === 0) io.err("keyfob: no accounts yet — add one with 'keyfob add <otpauth-uri>'");
    for (const a of accounts) {
      const params = [a.type.toUpperCase(), a.algorithm, `${a.digits} digits`];
      params.push(a.type === 'hotp' ? `counter ${a.counter}` : `${a.period}s`);
      io.out(`${a.id}  ${accountName(a)}  (${params.join(', ')})`);
    }
    return EXIT.ok;
  },
});
