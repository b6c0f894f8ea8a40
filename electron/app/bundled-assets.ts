import { join } from 'node:path';

/**
 * The run-time assets folder (the repository's assets/, copied into app.asar as /assets). Main's
 * bundle sits in out/main/ in both layouts, so it is two levels up from there.
 */
export function assetsDir(mainDir: string): string {
  return join(mainDir, '..', '..', 'assets');
}

/** The colour app icon used for windows and the About box on Linux and Windows. */
export const APP_ICON = 'icon.png';

/**
 * The tray/menu-bar image for a platform. macOS gets the template image (the system tints it for
 * light and dark menu bars); elsewhere a dark glyph for light panels or a white one for dark
 * panels. Each has an @2x twin that Electron picks on high-density screens.
 */
export function trayIconName(platform: NodeJS.Platform, darkPanel: boolean): string {
  if (platform === 'darwin') return 'iconTemplate.png';
  return darkPanel ? 'tray-dark.png' : 'tray-light.png';
}
