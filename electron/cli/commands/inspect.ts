import { parseKeyUri } from '../../core';
import { tokenJson } from '../account-json';
import { command, exactArgs, type Command } from '../command';
import { EXIT } from '../io';
import { uriArg } from '../uri-input';

/** `keyfob inspect <uri>`: the normalised fields of a key URI; touches no keychain. */
export const inspect: Command = command({
  name: 'inspect',
  summary: 'show the normalised fields of an otpauth:// URI (no keychain needed)',
  help: `usage: keyfob inspect <otpauth-uri> [--json]
       keyfob inspect - [--json]               (the URI on standard input)

Parses the URI as Keyfob would on import and prints every field, including the secret
(upper-case base32). Nothing is stored. With '-' the URI is read from standard input (one line),
so it stays out of your shell history and the process list.
  --json   print the fields as one JSON object`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [uri] = exactArgs(
      positionals,
      ['uri'],
      "inspect takes exactly one otpauth:// URI, or '-' to read it from standard input — see 'keyfob inspect --help'",
    );
    const fields = tokenJson(parseKeyUri(await uriArg(uri, io, 'inspect')));
    if (values['json']) {
      io.out(JSON.stringify(fields, null, 2));
    } else {
      for (const [k, v] of Object.entries(fields)) io.out(`${k.padEnd(9)} ${String(v)}`);
    }
    return EXIT.ok;
  },
});
