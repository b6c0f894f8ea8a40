import { posix, win32 } from 'node:path';

/** The keychain service name every Keyfob item lives under unless KEYFOB_KEYCHAIN_SERVICE says otherwise. */
export const DEFAULT_SERVICE = 'Keyfob';

/** The product name Electron appends to appData to make userData (package.json `productName`). */
const APP_NAME = 'Keyfob';

/**
 * Where the vault lives: Electron's userData folder for Keyfob, found without Electron so the CLI
 * and the app share one account list. `KEYFOB_HOME` and `KEYFOB_KEYCHAIN_SERVICE` override both
 * halves (tests, portable installs). Pure: the caller passes env, platform and home folder.
 * @see https://www.electronjs.org/docs/latest/api/app#appgetpathname (userData = appData + app name)
 */
export function resolveVaultLocation(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homedir: string,
): { home: string; service: string } {
  const service = nonEmpty(env.KEYFOB_KEYCHAIN_SERVICE) ?? DEFAULT_SERVICE;
  const override = nonEmpty(env.KEYFOB_HOME);
  if (override !== undefined) return { home: override, service };
  return { home: appDataFolder(env, platform, homedir), service };
}

/** Electron's `appData` + app name, per OS. */
function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homedir: string): string {
  switch (platform) {
    case 'win32':
      // Electron asks Windows for FOLDERID_RoamingAppData, which %APPDATA% mirrors.
      return win32.join(nonEmpty(env.APPDATA) ?? win32.join(homedir, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return posix.join(homedir, 'Library', 'Application Support', APP_NAME);
    default: {
      // Chromium's GetXDGDirectory: $XDG_CONFIG_HOME when set, else ~/.config. The XDG spec says
      // relative values are invalid, so those fall back to the default too.
      const xdg = nonEmpty(env.XDG_CONFIG_HOME);
      const base = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config');
      return posix.join(base, APP_NAME);
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
