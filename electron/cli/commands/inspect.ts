import { parseKeyUri } from '../../core';
import { KeyfobError } from '../../../shared/errors';
import { tokenJson } from '../account-json';
import { command, type Command } from '../command';
import { EXIT } from '../io';

/** `keyfob inspect <uri>`: the normalised fields of a key URI; touches no keychain. */
export const inspect: Command = command({
  name: 'inspect',
  summary: 'show the normalised fields of an otpauth:// URI (no keychain needed)',
  help: `usage: keyfob inspect <otpauth-uri> [--json]

Parses the URI as Keyfob would on import and prints every field, including the secret
(upper-case base32). Nothing is stored.
  --json   print the fields as one JSON object`,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new KeyfobError(
        'invalid-input',
        "inspect takes exactly one otpauth:// URI — see 'keyfob inspect --help'",
      );
    }
    const fields = tokenJson(parseKeyUri(positionals[0] ?? ''));
    if (values['json']) {
      io.out(JSON.stringify(fields, null, 2));
    } else {
      for (const [k, v] of Object.entries(fields)) io.out(`${k.padEnd(9)} ${String(v)}`);
    }
    return EXIT.ok;
  },
});
