import { BrowserWindow, nativeTheme } from 'electron';
import type { RendererEntry } from './origin';
import { MIN_SIZE, type WindowState } from './window-bounds';

/** What the main window needs: its preload script, where to load from, and any saved bounds. */
export interface MainWindowOptions {
  preloadPath: string;
  entry: RendererEntry;
  state: WindowState | null;
  /** The app icon for the title bar and task switcher (Linux, Windows; macOS uses the bundle's). */
  iconPath: string;
  /** False in an installed app: no DevTools, whatever shortcut or API asks for them. */
  devTools: boolean;
  /** Show the window once its page is ready (false when starting hidden in the tray). */
  show: boolean;
}

/**
 * The one app window. Isolation settings are spelled out even where they are Electron's
 * defaults, so a future default change or a careless edit cannot silently weaken them.
 * @see https://www.electronjs.org/docs/latest/tutorial/security
 */
export function createMainWindow({
  preloadPath,
  entry,
  state,
  iconPath,
  devTools,
  show,
}: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Keyfob',
    width: 440,
    height: 680,
    ...state?.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1b1f' : '#ffffff',
    autoHideMenuBar: true,
    icon: iconPath,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  });
  if (state?.maximized === true) win.maximize();
  if (show) win.once('ready-to-show', () => win.show());
  void win.loadURL(entry.url);
  return win;
}
