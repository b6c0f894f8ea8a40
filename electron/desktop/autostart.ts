import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';

// Linux has no login-item API in Electron (app.setLoginItemSettings covers macOS and Windows):
// desktops that follow the XDG Autostart spec (GNOME, KDE, Xfce, Cinnamon, MATE, LXQt) start every
// .desktop file in ~/.config/autostart at login.
// @see https://specifications.freedesktop.org/autostart-spec/latest/

/** The autostart folder: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME?.startsWith('/') === true ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart');
}

/** Keyfob's autostart entry, named like its installed desktop file. */
export const AUTOSTART_FILE = 'keyfob.desktop';

// The Desktop Entry spec's reserved characters in an Exec argument: such an argument is quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument as the Desktop Entry spec wants it: quoted when it holds a reserved character
 * (with ", `, $ and \ escaped inside the quotes), % doubled (it starts field codes), and then the
 * value-level escapes every string gets (\\, \n, \t, \r).
 * @see https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
 */
export function execArgument(arg: string): string {
  const field = arg.replaceAll('%', '%%');
  const quoted = RESERVED.test(field) || field === '' ? `"${field.replace(/["`$\\]/g, '\\$&')}"` : field;
  return quoted.replace(
    /[\\\n\t\r]/g,
    (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c] ?? c,
  );
}

/** The autostart .desktop file that runs `command` (the program, then its arguments) at login. */
export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Keyfob',
    'Comment=Start Keyfob when you log in',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Icon=keyfob',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes (atomically) or removes the autostart entry in `dir`. */
export async function setAutostart(dir: string, command: readonly string[] | null): Promise<void> {
  const path = join(dir, AUTOSTART_FILE);
  if (command === null) {
    await unlink(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    return;
  }
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path, autostartEntry(command));
}
