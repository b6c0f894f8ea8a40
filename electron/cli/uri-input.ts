import { KeyfobError } from '../../shared/errors';
import type { Io } from './io';

/** The argument that means "read from standard input", as in most Unix tools. */
export const STDIN_ARG = '-';
/** More than any list of otpauth:// URIs someone pipes in (10,000 URIs of ~100 bytes). */
export const MAX_STDIN_BYTES = 1024 * 1024;

/**
 * The whole of standard input as text. A seed piped in (`pass show x | keyfob add -`) stays out of
 * shell history and the process list, where a URI given as an argument would be.
 */
async function stdinText(io: Io, command: string): Promise<string> {
  const text = await io.readStdin(MAX_STDIN_BYTES);
  if (text === null)
    throw new KeyfobError(
      'invalid-input',
      `'-' reads from standard input, which is a terminal here: pipe the URI in (e.g. 'pass show site | keyfob ${command} -') or redirect a file ('keyfob ${command} - < uri.txt')`,
    );
  return text;
}

/** The lines of `text` that hold something, trimmed (a trailing newline or CRLF is no line). */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** `arg` itself, or — when it is `-` — the one URI on standard input. */
export async function uriArg(arg: string, io: Io, command: string): Promise<string> {
  if (arg !== STDIN_ARG) return arg;
  const found = lines(await stdinText(io, command));
  if (found.length !== 1)
    throw new KeyfobError(
      'invalid-input',
      found.length === 0
        ? 'standard input is empty; expected one otpauth:// URI'
        : `standard input holds ${found.length} lines; ${command} takes exactly one otpauth:// URI`,
    );
  return found[0] as string;
}

/** The `--uri` values with one `-` replaced by standard input's URIs, one per line, in order. */
export async function uriArgs(args: readonly string[], io: Io, command: string): Promise<string[]> {
  if (args.filter((a) => a === STDIN_ARG).length > 1)
    throw new KeyfobError('invalid-input', "standard input can be read once: give '--uri -' only once");
  const out: string[] = [];
  for (const arg of args) {
    if (arg !== STDIN_ARG) {
      out.push(arg);
      continue;
    }
    const found = lines(await stdinText(io, command));
    if (found.length === 0)
      throw new KeyfobError(
        'invalid-input',
        'standard input is empty; expected otpauth:// URIs, one per line',
      );
    out.push(...found);
  }
  return out;
}
