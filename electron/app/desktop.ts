import { app, type BrowserWindow } from 'electron';
import { isWaylandSession } from '../adapters/screen-capture';
import { startDesktop, type Desktop, type WindowControl } from '../desktop/desktop-controller';
import { isKeyLink, linksInArgv, openLinksIn } from '../desktop/links';
import { electronLoginItem } from '../desktop/login-item';
import { registerLinkHandler } from '../desktop/protocol-client';
import { electronShortcuts, enableShortcutPortal } from '../desktop/shortcut';
import { electronTray, type TrayAdapter } from '../desktop/tray';
import { statusNotifierHost } from '../desktop/tray-host';
import type { AppServices } from '../services/app-services';

let desktop: Desktop | null = null;
/** Links that arrived before the desktop side was running (macOS open-url at launch, an early second instance). */
const early: string[] = [];

const open = async (links: string[]): Promise<void> => {
  if (desktop === null) early.push(...links);
  else await desktop.openLinks(links);
};

/**
 * What must happen before the app is ready: on Wayland, global shortcuts through the desktop's
 * portal; on macOS, the listener for otpauth links (a link that launches the app arrives as
 * `open-url` before `ready`, and is lost without it).
 */
export function prepareDesktop(): void {
  if (process.platform === 'linux' && isWaylandSession()) enableShortcutPortal();
  app.on('will-finish-launching', () => {
    app.on('open-url', (event, url) => {
      event.preventDefault();
      if (isKeyLink(url)) void open([url]);
    });
  });
}

/** A second `keyfob-desktop` (a clicked link, a second launch): its links, else just the window brought forward. */
export function secondInstance(argv: readonly string[], showWindow: () => void): void {
  void openLinksIn(argv, open).then(() => showWindow());
}

/** What main has for the desktop side: the services, the window and how to make one. */
export interface DesktopWiring {
  services: AppServices;
  assetsDir: string;
  window: () => BrowserWindow | null;
  /** Makes the main window, shown once ready when `show`. */
  openWindow: (show: boolean) => Promise<BrowserWindow>;
}

/**
 * Starts the tray, the global shortcut, login items and the link handler, opens the window (hidden
 * when starting hidden in a tray, unless a link came with the start) and hands it the start's
 * links. Every window made from here on hides instead of closing while closing to the tray is on.
 * Returns how to open a window again (macOS: the Dock icon with no window open).
 */
export async function setupDesktop({ services, assetsDir, window, openWindow }: DesktopWiring) {
  const make = async (show: boolean): Promise<BrowserWindow> => {
    const win = await openWindow(show);
    win.on('close', (event) => {
      if (desktop?.closeAction() !== 'hide') return;
      event.preventDefault();
      win.hide();
    });
    desktop?.windowCreated();
    return win;
  };
  const control: WindowControl = {
    visible: () => window()?.isVisible() ?? false,
    focused: () => window()?.isFocused() ?? false,
    async show() {
      const win = window() ?? (await make(true));
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    hide: () => window()?.hide(),
    minimize: () => window()?.minimize(),
    setContentProtection: (on) => window()?.setContentProtection(on),
  };
  let tray: TrayAdapter | null = null;
  try {
    tray = electronTray(assetsDir);
  } catch (error) {
    console.warn(`[keyfob] no tray icon (${(error as Error).name})`);
  }
  registerLinkHandler({
    platform: process.platform,
    isPackaged: app.isPackaged,
    defaultApp: process.defaultApp === true,
    appImage: process.env.APPIMAGE !== undefined,
    execPath: process.execPath,
    appArgument: process.argv[1],
  });
  const started = await startDesktop({
    platform: process.platform,
    services,
    window: control,
    tray,
    shortcuts: electronShortcuts(),
    loginItem: electronLoginItem(),
    trayHost: () => statusNotifierHost(),
    wayland: process.platform === 'linux' && isWaylandSession(),
    quit: () => app.quit(),
  });
  app.on('before-quit', () => started.quitting());
  // The shortcut is the OS's until it is given back; the tray icon goes with the process anyway.
  app.on('will-quit', () => started.dispose());
  desktop = started;
  const startLinks = [...linksInArgv(process.argv), ...early.splice(0)];
  await make(started.startVisible(startLinks.length > 0));
  await started.openLinks(startLinks);
  return { show: () => control.show() };
}
