import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, deliberately small. macOS needs the Edit menu's roles for Cmd+C/V/X/A to
 * reach text fields, and its app and Window menus for Quit, Hide and Close. Help → About is on
 * every OS. The View menu (Reload, Toggle Developer Tools) exists only while developing.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
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
