import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, deliberately small. macOS needs the Edit menu's roles for Cmd+C/V/X/A to
 * reach text fields, and its app and Window menus for Quit, Hide and Close. Settings… (Cmd+, in the
 * app menu on macOS, Ctrl+, in a File menu elsewhere) calls `openSettings`. Help → About is on
 * every OS. The View menu (Reload, Toggle Developer Tools) exists only while developing.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  openSettings: () => void = () => undefined,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CommandOrControl+,',
    click: () => openSettings(),
  };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
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
    submenu: [settings, { type: 'separator' }, { role: 'quit' }],
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
