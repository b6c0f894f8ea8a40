import { KeyfobError } from '../../shared/errors';
import { readInputFile } from '../formats/input-file';

/** Where a command may get a password: a file, or the terminal (never an argument, which `ps` shows). */
export interface PasswordSource {
  file?: string;
  /** True when stdin and stderr are a terminal (a prompt can be answered). */
  tty: boolean;
  /** Asks once, without echo; resolves with what was typed. */
  ask(prompt: string): Promise<string>;
}

/** Longest password file read: a password is one line; `<(…)` pipes are fine, /dev/zero is not. */
const MAX_PASSWORD_FILE = 64 * 1024;

/** The first line of a password file (a trailing newline is not part of the password). */
export async function passwordFromFile(path: string): Promise<string> {
  let text: string;
  try {
    const rules = { maxBytes: MAX_PASSWORD_FILE, what: 'password file', name: path, streams: true };
    text = Buffer.from(await readInputFile(path, rules)).toString('utf8');
  } catch (e) {
    const why = e instanceof KeyfobError ? e.message : 'it cannot be read';
    throw new KeyfobError('invalid-input', `Cannot use the password file: ${why}`, 'password-file');
  }
  const password = text.split(/\r?\n/u)[0] ?? '';
  if (password === '')
    throw new KeyfobError('invalid-input', `the password file ${path} is empty`, 'password-file');
  return password;
}

/**
 * A password from `--password-file`, else from a prompt on the terminal (asked twice when `confirm`,
 * for a new backup password). Refuses to prompt without a terminal rather than hang or read a pipe.
 */
export async function readPassword(source: PasswordSource, what: string, confirm: boolean): Promise<string> {
  if (source.file !== undefined) return passwordFromFile(source.file);
  if (!source.tty) {
    throw new KeyfobError(
      'invalid-input',
      `${what} needs a password and there is no terminal to ask on: give it with --password-file FILE`,
      'password',
    );
  }
  const first = await source.ask(`Password for ${what}: `);
  if (first === '') throw new KeyfobError('invalid-input', 'the password is empty', 'password');
  if (confirm && (await source.ask('Type it again: ')) !== first) {
    throw new KeyfobError('invalid-input', 'the two passwords differ; nothing was written', 'password');
  }
  return first;
}

/** Prompts on the process's terminal with echo off (stderr, so stdout stays clean for output). */
export function terminalPasswordSource(file: string | undefined): PasswordSource {
  return {
    file,
    tty: process.stdin.isTTY === true && process.stderr.isTTY === true,
    ask: (prompt) =>
      new Promise((resolve, reject) => {
        const stdin = process.stdin;
        process.stderr.write(prompt);
        stdin.setRawMode(true);
        stdin.resume();
        let typed = '';
        const done = (result: string | Error): void => {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        const onData = (chunk: Buffer): void => {
          for (const ch of chunk.toString('utf8')) {
            if (ch === '\r' || ch === '\n') return done(typed);
            if (ch === '\u0003') return done(new KeyfobError('invalid-input', 'cancelled'));
            if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
            else typed += ch;
          }
        };
        stdin.on('data', onData);
      }),
  };
}
