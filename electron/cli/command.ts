import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KeyfobError } from '../../shared/errors';
import type { ExitCode, Io } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** One `keyfob` sub-command: its help text, its options, and what it does. */
export interface Command<O extends Options = Options> {
  name: string;
  summary: string;
  /** Usage lines and option descriptions shown by `keyfob <name> --help`. */
  help: string;
  options: O;
  run(parsed: { values: Record<string, unknown>; positionals: string[] }, io: Io): Promise<ExitCode>;
}

/** Declares a command with its option types checked against `parseArgs`. */
export function command<O extends Options>(c: Command<O>): Command {
  return c as unknown as Command;
}

/** Parses argv for one command; unknown flags become a plain `invalid-input` error. */
export function parseFor(
  cmd: Command,
  argv: string[],
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new KeyfobError('invalid-input', `${why} — see 'keyfob ${cmd.name} --help'`);
  }
}

/** The positional arguments when there are exactly as many as `names`; else an `invalid-input` error with `usage`. */
export function exactArgs<const N extends readonly string[]>(
  positionals: string[],
  names: N,
  usage: string,
): { [K in keyof N]: string } {
  if (positionals.length !== names.length) throw new KeyfobError('invalid-input', usage);
  return positionals as unknown as { [K in keyof N]: string };
}

/** Reads `--at <unix-seconds>` (decimals allowed) into milliseconds, or the current time. */
export function atMs(values: Record<string, unknown>, io: Io): number {
  const raw = values['at'];
  if (raw === undefined) return io.now();
  const s = String(raw).trim();
  if (!/^\d+(\.\d+)?$/.test(s)) {
    throw new KeyfobError('invalid-input', `--at takes Unix seconds (e.g. 1700000000), not '${s}'`, 'at');
  }
  return Math.floor(Number(s) * 1000);
}
