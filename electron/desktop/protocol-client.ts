import { resolve } from 'node:path';
import { loadElectron } from '../adapters/electron-module';
import { LINK_SCHEMES } from './links';

/** What decides whether Keyfob registers itself as the links' handler, and with which command. */
export interface LaunchFacts {
  platform: NodeJS.Platform;
  /** An installed build (`app.isPackaged`). */
  isPackaged: boolean;
  /** Started as `electron <app folder>` while developing (`process.defaultApp`). */
  defaultApp: boolean;
  /** Running from an AppImage (`$APPIMAGE` set): nothing installed to point a handler at. */
  appImage: boolean;
  execPath: string;
  /** The app folder's argument when developing (`process.argv[1]`). */
  appArgument: string | undefined;
}

/** The arguments of `app.setAsDefaultProtocolClient` after the scheme. */
export interface Registration {
  path?: string;
  args?: string[];
}

/**
 * How this process registers itself for otpauth links, or null when it must not:
 * - macOS, installed: yes, with no command (the bundle's CFBundleURLTypes names the schemes; this
 *   makes Keyfob their default). A development Electron.app declares no such schemes.
 * - Windows, installed: no. The installer wrote the handler with `--` before the link; Electron's
 *   own registration would replace it.
 * - Windows, developing: Electron plus the app folder, then `--`, so a link is never a switch.
 * - Linux, installed from the deb: yes (xdg-settings with the installed keyfob.desktop, whose Exec
 *   line already has `--`). An AppImage or a development run has no desktop file to name.
 */
export function protocolRegistration(facts: LaunchFacts): Registration | null {
  const { platform, isPackaged } = facts;
  if (platform === 'darwin') return isPackaged ? {} : null;
  if (platform === 'win32') {
    if (isPackaged || !facts.defaultApp || facts.appArgument === undefined) return null;
    return { path: facts.execPath, args: [resolve(facts.appArgument), '--'] };
  }
  return isPackaged && !facts.appImage ? {} : null;
}

/** Registers Keyfob for both link schemes where {@link protocolRegistration} says so (Electron main only). */
export function registerLinkHandler(facts: LaunchFacts): void {
  const registration = protocolRegistration(facts);
  if (registration === null) return;
  const { app } = loadElectron();
  const { path, args } = registration;
  for (const scheme of LINK_SCHEMES) {
    if (app.isDefaultProtocolClient(scheme, path, args)) continue;
    if (!app.setAsDefaultProtocolClient(scheme, path, args)) {
      console.warn(`[keyfob] could not register as the ${scheme}:// handler`);
    }
  }
}
