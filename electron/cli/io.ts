/** Where a CLI command writes: injected so tests capture output without spawning a process. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Reads a whole file as UTF-8 (fs in production; tests use real temp files too). */
  readText(path: string): Promise<string>;
  /** Reads all of standard input as UTF-8 (at most `maxBytes`); null when it is a terminal. */
  readStdin(maxBytes: number): Promise<string | null>;
  env: NodeJS.ProcessEnv;
  /** Milliseconds since the epoch, read once per command at the edge. */
  now(): number;
  /** Where long work draws its progress line: standard error when it is a terminal; absent otherwise. */
  progressStream?: NodeJS.WriteStream;
}

/** Exit codes of `keyfob`: 0 success, 1 bad input, 2 keychain or disk unavailable, 130 stopped by Ctrl+C. */
export const EXIT = { ok: 0, input: 1, system: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * What an unexpected error is called ("TypeError", "RangeError"), for a one-line report that
 * cannot carry a secret or a path from its message; `KEYFOB_DEBUG=1` shows the whole error.
 */
export function errorName(e: unknown): string {
  if (e instanceof Error) return /^[A-Za-z][\w.]{0,40}$/u.test(e.name) ? e.name : 'Error';
  return typeof e;
}

/**
 * An error Keyfob did not raise on purpose: one line with its name only — its message or stack
 * could quote a secret or a path — unless KEYFOB_DEBUG=1 asks for everything.
 */
export function reportUnexpected(e: unknown, io: Pick<Io, 'err' | 'env'>): void {
  if (io.env['KEYFOB_DEBUG'] === '1') {
    io.err(`keyfob: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return;
  }
  io.err(`keyfob: unexpected error (${errorName(e)}); run again with KEYFOB_DEBUG=1 to see details`);
}
