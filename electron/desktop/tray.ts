import type { MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { loadElectron } from '../adapters/electron-module';
import { trayIconName } from '../app/bundled-assets';
import type { TrayAction, TrayItem } from './tray-menu';

/** The tray (menu-bar) icon as the desktop controller sees it: Electron's Tray in the app, a recording in tests. */
export interface TrayAdapter {
  /** Shows `items` as the icon's menu; choosing an enabled item calls `onChoose` with its action. */
  setMenu(items: readonly TrayItem[], onChoose: (action: TrayAction) => Promise<void>): void;
  /** Calls `listener` when the icon itself is clicked (Windows; any activation on Linux). */
  onClick(listener: () => void): void;
  destroy(): void;
}

/** The menu template Electron builds the tray menu from (separators, labels, enabled state, clicks). */
export function trayTemplate(
  items: readonly TrayItem[],
  onChoose: (action: TrayAction) => Promise<void>,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { type: 'separator' };
    const { action } = item;
    return {
      label: item.label,
      enabled: item.enabled && action !== null,
      click: action === null ? undefined : () => void onChoose(action),
    };
  });
}

/**
 * Electron's Tray with the icons from `assetsDir`: the template image on macOS (the system tints
 * it), else the glyph for a light or a dark panel, swapped when the system theme changes. The
 * instance stays referenced here: a garbage-collected Tray disappears.
 * @see https://www.electronjs.org/docs/latest/api/tray
 */
export function electronTray(assetsDir: string): TrayAdapter {
  const { Tray, Menu, nativeImage, nativeTheme } = loadElectron();
  // Windows colours its taskbar apart from the apps' theme.
  const darkPanel = (): boolean =>
    process.platform === 'win32'
      ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI
      : nativeTheme.shouldUseDarkColors;
  const image = () => {
    const icon = nativeImage.createFromPath(join(assetsDir, trayIconName(process.platform, darkPanel())));
    if (process.platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  const tray = new Tray(image());
  tray.setToolTip('Keyfob');
  const onTheme = (): void => tray.setImage(image());
  nativeTheme.on('updated', onTheme);
  return {
    setMenu(items, onChoose) {
      // Linux redraws a changed menu only when it is set again, so it is always rebuilt whole.
      tray.setContextMenu(Menu.buildFromTemplate(trayTemplate(items, onChoose)));
    },
    onClick(listener) {
      if (process.platform !== 'darwin') tray.on('click', listener);
    },
    destroy() {
      nativeTheme.off('updated', onTheme);
      tray.destroy();
    },
  };
}
