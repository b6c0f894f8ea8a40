/**
 * The switch the `keyfob` launchers pass to run the app as the command-line tool. It must come
 * before `--`; everything after `--` is the CLI's own arguments, never read as switches.
 */
export const CLI_SWITCH = '--keyfob-cli';

/**
 * The CLI's arguments when this process was started as `keyfob` (`<exe> … --keyfob-cli -- <args>`),
 * or null for the desktop app. Only what precedes the first `--` counts as a switch, so an
 * `otpauth://` link (which the desktop entry and the Windows handler pass after `--`) can never
 * select the command-line mode.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const end = argv.indexOf('--');
  const switches = end === -1 ? argv : argv.slice(0, end);
  if (!switches.includes(CLI_SWITCH)) return null;
  return end === -1 ? [] : argv.slice(end + 1);
}

/** Chromium switches that open the DevTools protocol to any local program; no fuse blocks them. */
export const DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

/**
 * The debugging switch an installed app must refuse to start with, or null. Development builds
 * keep them: `electron-vite dev` passes --remote-debugging-port for its debugger integration.
 */
export function refusedSwitch(isPackaged: boolean, hasSwitch: (name: string) => boolean): string | null {
  if (!isPackaged) return null;
  return DEBUGGING_SWITCHES.find((name) => hasSwitch(name)) ?? null;
}

/** The one line printed (on stderr) before an installed app exits over a debugging switch. */
export function refusalMessage(name: string): string {
  return (
    `Keyfob: refusing to start with --${name}: it would let any program on this computer read ` +
    'your codes through the DevTools protocol. Start Keyfob without it.'
  );
}
