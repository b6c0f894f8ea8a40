import { spawn } from 'node:child_process';

/** A command running on a pseudo-terminal: what it drew there, keys to type, and its end. */
export interface Terminal {
  /** Everything written to the terminal so far, escape sequences included. */
  output(): string;
  /** Resolves once the output matches `pattern`; rejects after `timeoutMs` with what was drawn. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Types `keys` as a user at the terminal would ('\x03' is Ctrl+C: the terminal sends SIGINT). */
  type(keys: string): void;
  /** The command's exit status (util-linux `script -e` passes it on). */
  exited: Promise<number | null>;
}

/** Quotes one word for `sh -c`. */
export const shellWord = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * Runs `command` (a shell line) on a new pseudo-terminal through util-linux `script`, so the program
 * sees a terminal on its standard streams (redirect one in `command` to keep it off the terminal).
 */
export function onTerminal(command: string, env: NodeJS.ProcessEnv): Terminal {
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let drawn = '';
  const waiters = new Set<() => void>();
  const grew = () => waiters.forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => {
    drawn += d.toString();
    grew();
  });
  child.stderr.on('data', (d: Buffer) => {
    drawn += d.toString();
    grew();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    output: () => drawn,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = drawn.match(pattern);
          if (m === null) return;
          finish();
          resolve(m);
        };
        const timer = setTimeout(() => {
          finish();
          reject(
            new Error(
              `no ${String(pattern)} on the terminal after ${timeoutMs} ms: ${JSON.stringify(drawn)}`,
            ),
          );
        }, timeoutMs);
        const ended = () => {
          finish();
          reject(new Error(`the command ended without ${String(pattern)}: ${JSON.stringify(drawn)}`));
        };
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('close', ended);
        };
        waiters.add(check);
        child.once('close', ended);
        check();
      });
    },
    type: (keys) => void child.stdin.write(keys),
    exited,
  };
}
