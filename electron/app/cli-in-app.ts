import { app } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../cli/io';

/**
 * The installed app's `keyfob` command: runs the command-line tool in this main process and exits
 * with its status. The RunAsNode fuse is off, so the app binary cannot act as plain Node; instead
 * the launchers start it with --keyfob-cli (and, on Linux, Chromium's headless platform so no
 * display is needed). No window and no single-instance lock: the desktop app may be running too,
 * and both use the same vault and its own file lock.
 */
export async function runCliInApp(args: string[]): Promise<void> {
  app.dock?.hide();
  // Chromium still starts underneath; a throw-away profile keeps it out of the desktop app's.
  const profile = mkdtempSync(join(tmpdir(), 'keyfob-cli-'));
  app.setPath('sessionData', profile);
  // Same thread-pool size as `node out/main/keyfob.js` (overlaps keychain round trips).
  process.env['UV_THREADPOOL_SIZE'] ??= '16';
  let status: number = EXIT.system;
  try {
    const { runCli, processIo } = await import('../cli/keyfob');
    status = await runCli(args, processIo());
  } catch (error) {
    process.stderr.write(`keyfob: could not start (${error instanceof Error ? error.name : typeof error})\n`);
  }
  // app.exit() does not wait for pending writes (pipes are asynchronous on macOS and Windows).
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  rmSync(profile, { recursive: true, force: true });
  app.exit(status);
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
