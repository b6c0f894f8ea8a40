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
}

/** Exit codes of `keyfob`: 0 success, 1 bad input, 2 keychain or disk unavailable. */
export const EXIT = { ok: 0, input: 1, system: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
