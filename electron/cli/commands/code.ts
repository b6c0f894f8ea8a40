import { generateCode, parseKeyUri } from '../../core';
import type { Account } from '../../../shared/account';
import { KeyfobError } from '../../../shared/errors';
import { matchesSearch, searchKey } from '../../../shared/search-key';
import { accountName } from '../../../shared/account-name';
import { accountJson, fieldsJson } from '../account-json';
import { codeInstant } from '../clock-time';
import { command, type Command } from '../command';
import { EXIT, type ExitCode, type Io } from '../io';
import { openVault } from '../open-vault';
import { uriArgs } from '../uri-input';

/** Whole seconds a code stays valid after `at` (null for HOTP, which has no expiry). */
function validSeconds(validUntilMs: number | null, at: number): number | null {
  return validUntilMs === null ? null : Math.max(0, Math.ceil((validUntilMs - at) / 1000));
}

/** `keyfob code`: current codes of stored accounts, or of URIs given on the command line. */
export const code: Command = command({
  name: 'code',
  summary: 'print current codes of stored accounts, or of URIs given with --uri',
  help: `usage: keyfob code [<search>] [--at <unix-seconds> | --clock-server HOST[:PORT]] [--json]
       keyfob code --uri <otpauth-uri> [--uri …] [--at … | --clock-server …] [--json]
       keyfob code --uri - [--at … | --clock-server …] [--json]   (URIs on standard input, one per line)

Stored accounts: prints the code, the seconds it stays valid and the name of every account whose
id equals <search> or whose issuer and account contain all its words (case and accents ignored).
HOTP accounts advance their counter when their code is taken, so they are only included when
<search> selects them.
With --uri: prints one code per URI, in order, from the URI alone; the keychain is not used.
'--uri -' reads the URIs from standard input, one per line, so the secrets stay out of your shell
history and the process list: pass show site-2fa | keyfob code --uri -
  --at <unix-seconds>   the time to compute TOTP/Steam codes for (default: now)
  --clock-server HOST[:PORT]
                        compute codes at that time server's time (this clock corrected by the
                        offset measured now); no valid answer within 3 s: exit status 1
  --json                JSON array: the account fields plus code and validSeconds
With the app's "Use corrected time" setting on, codes are computed at the time of the app's time
server; when it does not answer within 3 s, they use this computer's clock and a note says so.`,
  options: {
    at: { type: 'string' },
    'clock-server': { type: 'string' },
    json: { type: 'boolean' },
    uri: { type: 'string', multiple: true },
  },
  async run({ values, positionals }, io) {
    const at = await codeInstant(values, io);
    const uriValues = (values['uri'] as string[] | undefined) ?? [];
    if (uriValues.length > 0) {
      if (positionals.length > 0) {
        throw new KeyfobError('invalid-input', 'give either a search or --uri, not both');
      }
      return codesForUris(await uriArgs(uriValues, io, 'code --uri'), at, values['json'] === true, io);
    }
    if (positionals.length > 1) {
      throw new KeyfobError(
        'invalid-input',
        'code takes at most one search (quote a search of several words)',
      );
    }
    return codesForVault(positionals[0], at, values['json'] === true, io);
  },
});

function codesForUris(uris: string[], at: number, json: boolean, io: Io): ExitCode {
  const rows = uris.map((uri, i) => {
    const token = parseUriAt(uri, i, uris.length);
    const c = generateCode(token, at);
    return { token, code: c.code, validSeconds: validSeconds(c.validUntilMs, at) };
  });
  if (json) {
    io.out(
      JSON.stringify(
        rows.map(({ token, ...r }) => ({ ...fieldsJson(token), ...r })),
        null,
        2,
      ),
    );
  } else {
    for (const r of rows) io.out(r.code);
  }
  return EXIT.ok;
}

/** Parses the `i`-th of `count` URIs; with several, an error says which one it is about. */
function parseUriAt(uri: string, i: number, count: number) {
  try {
    return parseKeyUri(uri);
  } catch (e) {
    if (count === 1 || !(e instanceof KeyfobError)) throw e;
    throw new KeyfobError(e.code, `URI ${i + 1} of ${count}: ${e.message}`, e.field);
  }
}

async function codesForVault(
  search: string | undefined,
  at: number,
  json: boolean,
  io: Io,
): Promise<ExitCode> {
  const vault = await openVault(io);
  const all = await vault.list();
  const selected = search === undefined ? all : select(all, search);
  if (search !== undefined && selected.length === 0) {
    throw new KeyfobError('not-found', `No account matches '${search}' — see 'keyfob list'`);
  }
  const timed = selected.filter((a) => a.type !== 'hotp');
  const secrets = await vault.secrets(timed.map((a) => a.id));
  let failed = false;
  const rows: Array<{ account: Account; code: string | null; validSeconds: number | null; error?: string }> =
    [];
  for (const account of selected) {
    if (account.type === 'hotp') {
      if (search === undefined) {
        rows.push({
          account,
          code: null,
          validSeconds: null,
          error: `HOTP: run 'keyfob code ${account.id}' to take the next code`,
        });
        continue;
      }
      const taken = await vault.takeHotpCode(account.id, at);
      rows.push({ account: taken.account, code: taken.code, validSeconds: null });
      continue;
    }
    const secret = secrets.get(account.id);
    if (!(secret instanceof Uint8Array)) {
      failed = true;
      rows.push({ account, code: null, validSeconds: null, error: secret?.message ?? 'secret unavailable' });
      continue;
    }
    const c = generateCode({ ...account, secret }, at);
    rows.push({ account, code: c.code, validSeconds: validSeconds(c.validUntilMs, at) });
  }
  if (json) {
    io.out(
      JSON.stringify(
        rows.map((r) => ({
          ...accountJson(r.account),
          code: r.code,
          validSeconds: r.validSeconds,
          ...(r.error ? { error: r.error } : {}),
        })),
        null,
        2,
      ),
    );
  } else {
    for (const r of rows) {
      if (r.code === null) io.err(`keyfob: ${accountName(r.account)}: ${r.error ?? ''}`);
      else
        io.out(
          `${r.code}  ${r.validSeconds === null ? '  -' : `${String(r.validSeconds).padStart(2)}s`}  ${accountName(r.account)}  ${r.account.id}`,
        );
    }
  }
  return failed ? EXIT.system : EXIT.ok;
}

function select(accounts: Account[], search: string): Account[] {
  const byId = accounts.filter((a) => a.id === search);
  if (byId.length > 0) return byId;
  return accounts.filter((a) => matchesSearch(searchKey(`${a.issuer} ${a.account}`), search));
}
