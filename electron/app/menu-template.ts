import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';

/** What the app menu's own items do. */
export interface AppMenuActions {
  openSettings(): void;
  lockNow(): void;
}

const NO_ACTIONS: AppMenuActions = { openSettings: () => undefined, lockNow: () => undefined };

/**
 * The application menu, deliberately small. macOS needs the Edit menu's roles for Cmd+C/V/X/A to
 * reach text fields, and its app and Window menus for Quit, Hide and Close. Settings… (Cmd+, in the
 * app menu on macOS, Ctrl+, in a File menu elsewhere) and Lock Keyfob (Cmd/Ctrl+L, enabled only
 * when `lockable`: a lock password is set and Keyfob is open) call `actions`. Help → About is on
 * every OS. The View menu (Reload, Toggle Developer Tools) exists only while developing.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  actions: AppMenuActions = NO_ACTIONS,
  lockable = false,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CommandOrControl+,',
    click: () => actions.openSettings(),
  };
  const lock: MenuItemConstructorOptions = {
    label: 'Lock Keyfob',
    accelerator: 'CommandOrControl+L',
    enabled: lockable,
    click: () => actions.lockNow(),
  };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      lock,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: [settings, lock, { type: 'separator' }, { role: 'quit' }],
  };
  return [
    mac ? appMenu : fileMenu,
    { role: 'editMenu' },
    ...(isPackaged ? [] : [{ role: 'viewMenu' as const }]),
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    { role: 'help', label: 'Help', submenu: [{ role: 'about', label: 'About Keyfob' }] },
  ];
}

/** What the About box shows; `iconPath` is used on Linux and Windows (macOS shows the bundle's icon). */
export function aboutPanelOptions(version: string, iconPath: string): AboutPanelOptionsOptions {
  return {
    applicationName: 'Keyfob',
    applicationVersion: version,
    copyright: 'Copyright © Keyfob contributors. MIT licence.',
    credits: 'One-time passwords with keys kept in the system keychain.',
    iconPath,
  };
}
