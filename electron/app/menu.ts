import { app, Menu } from 'electron';
import { aboutPanelOptions, appMenuTemplate, type AppMenuActions } from './menu-template';

/**
 * Installs the application menu (its Settings… and Lock Keyfob items call `actions`) and the About
 * box (with the app icon at `iconPath`). Returns how to enable or disable Lock Keyfob: the menu is
 * built again when a lock password is set or removed, or the app locks or unlocks.
 */
export function setupAppMenu(iconPath: string, actions: AppMenuActions): (lockable: boolean) => void {
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), iconPath));
  let shown: boolean | null = null;
  const build = (lockable: boolean): void => {
    if (lockable === shown) return;
    shown = lockable;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged, actions, lockable)),
    );
  };
  build(false);
  return build;
}
