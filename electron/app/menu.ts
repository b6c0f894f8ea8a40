import { app, Menu } from 'electron';
import { aboutPanelOptions, appMenuTemplate } from './menu-template';

/** Installs the application menu (its Settings… item calls `openSettings`) and the About box (with the app icon at `iconPath`). */
export function setupAppMenu(iconPath: string, openSettings: () => void): void {
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), iconPath));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged, openSettings)),
  );
}
