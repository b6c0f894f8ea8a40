import { homedir } from 'node:os';
import { loadElectron } from '../adapters/electron-module';
import { autostartDir, setAutostart } from './autostart';

/** Starting Keyfob at login, as the desktop controller sees it. */
export interface LoginItemAdapter {
  setEnabled(on: boolean): Promise<void>;
}

/**
 * The command that starts this Keyfob: the AppImage file itself when run from one (the running
 * binary sits in a temporary mount), else the executable, plus the app folder while developing.
 */
export function launchCommand(
  env: NodeJS.ProcessEnv,
  execPath: string,
  defaultApp: boolean,
  appArgument: string | undefined,
): string[] {
  const program = env.APPIMAGE !== undefined && env.APPIMAGE !== '' ? env.APPIMAGE : execPath;
  return defaultApp && appArgument !== undefined ? [program, appArgument] : [program];
}

/**
 * macOS and Windows: Electron's login items (`app.setLoginItemSettings`). Linux: an XDG autostart
 * entry in ~/.config/autostart, since Electron's API does nothing there.
 */
export function electronLoginItem(): LoginItemAdapter {
  const { app } = loadElectron();
  const defaultApp = process.defaultApp === true;
  const command = launchCommand(process.env, process.execPath, defaultApp, process.argv[1]);
  if (process.platform === 'linux') {
    const dir = autostartDir(process.env, homedir());
    return { setEnabled: (on) => setAutostart(dir, on ? command : null) };
  }
  return {
    async setEnabled(on) {
      const [path, ...args] = command;
      app.setLoginItemSettings(defaultApp ? { openAtLogin: on, path, args } : { openAtLogin: on });
    },
  };
}
