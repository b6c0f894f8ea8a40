import { KeyfobError } from '../../../shared/errors';
import { appSettings, askServer, noTimeMessage, offsetSentence, serverOption } from '../clock-time';
import { command, type Command } from '../command';
import { EXIT } from '../io';

/** `keyfob clock`: how far this computer's clock is off, measured against a time server. */
export const clock: Command = command({
  name: 'clock',
  summary: "measure this computer's clock against a time server (SNTP)",
  help: `usage: keyfob clock [--server HOST[:PORT]] [--json]

Asks a time server once (SNTP over UDP) how far this computer's clock is off, with the network's
round trip taken out. Codes only work while the clock is within about half a minute of the sites'.
The server is the app's setting (time.cloudflare.com unless changed) or --server. Replies that are
not a valid server answer are ignored; with no valid answer within 3 s, one line and exit status 1.
  --server HOST[:PORT]   the time server to ask (port 123 unless given)
  --json                 {"server","offsetMs","delayMs"}: offsetMs > 0 means this clock is behind`,
  options: { server: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new KeyfobError('invalid-input', 'clock takes no arguments');
    const server = serverOption(values['server'], '--server') ?? (await appSettings(io)).clockServer;
    const result = await askServer(server, io);
    if (result.kind !== 'measured') throw new KeyfobError('not-found', noTimeMessage(server, result));
    const offsetMs = Math.round(result.offsetMs);
    const delayMs = Math.round(result.delayMs);
    if (values['json'] === true) io.out(JSON.stringify({ server, offsetMs, delayMs }));
    else {
      const signed = `${offsetMs >= 0 ? '+' : ''}${offsetMs} ms`;
      io.out(`${offsetSentence(result.offsetMs)} (offset ${signed}, round trip ${delayMs} ms, ${server})`);
    }
    return EXIT.ok;
  },
});
