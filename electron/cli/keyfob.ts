#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { KeyfobError, isInputError } from '../../shared/errors';
import { parseFor, type Command } from './command';
import { add } from './commands/add';
import { clock } from './commands/clock';
import { code } from './commands/code';
import { doctor } from './commands/doctor';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { inspect } from './commands/inspect';
import { list } from './commands/list';
import { remove } from './commands/remove';
import { replaceKey } from './commands/replace';
import { restoreKey } from './commands/restore';
import { scan } from './commands/scan';
import { EXIT, reportUnexpected, type ExitCode, type Io } from './io';
import { readProcessStdin } from './stdin';

const COMMANDS: Command[] = [
  list,
  code,
  add,
  remove,
  inspect,
  importCommand,
  scan,
  exportCommand,
  replaceKey,
  restoreKey,
  doctor,
  clock,
];

const USAGE = `usage: keyfob <command> [options]

Keyfob's command-line tool: the same accounts as the desktop app, secrets in the system keychain.

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`).join('\n')}

'keyfob <command> --help' describes one command. Exit status: 0 success, 1 bad input,
2 keychain or disk unavailable. KEYFOB_HOME and KEYFOB_KEYCHAIN_SERVICE select another vault;
KEYFOB_DEBUG=1 prints unexpected errors in full.`;

/** Runs one CLI invocation; every failure becomes one plain line on stderr and an exit code. */
export async function runCli(argv: string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT.input : EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`keyfob: unknown command '${name}' — run 'keyfob --help' for the list`);
    return EXIT.input;
  }
  try {
    const parsed = parseFor(cmd, rest);
    if (parsed.values['help']) {
      io.out(cmd.help);
      return EXIT.ok;
    }
    return await cmd.run(parsed, io);
  } catch (e) {
    if (e instanceof KeyfobError) {
      io.err(`keyfob: ${e.message}`);
      return isInputError(e.code) ? EXIT.input : EXIT.system;
    }
    reportUnexpected(e, io);
    return EXIT.system;
  }
}

/** The process's own I/O. */
export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readText: (path) => readFile(path, 'utf8'),
    readStdin: readProcessStdin,
    env: process.env,
    now: () => Date.now(),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
  };
}

if (require.main === module) {
  // keytar runs each keychain call on libuv's thread pool (4 threads by default). Secret Service
  // round trips are latency-bound, so more threads overlap them: reading 500 secrets took ~700 ms
  // with 4 threads and ~350 ms with 16 on a 2-core machine (bench/vault-bench.ts).
  process.env['UV_THREADPOOL_SIZE'] ??= '16';
  const io = processIo();
  // Errors thrown outside a command's promise (an event emitter's, a timer's) end the same way.
  process.on('uncaughtException', (e) => {
    reportUnexpected(e, io);
    process.exit(EXIT.system);
  });
  void runCli(process.argv.slice(2), io).then((status) => {
    process.exitCode = status;
  });
}
