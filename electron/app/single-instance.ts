import { app, type BrowserWindow } from 'electron';

/**
 * Makes Keyfob single-instance: a second launch hands over to the first, which comes to the
 * front, and then quits. Returns false in that second process, which must not go on starting.
 */
export function setupSingleInstance(mainWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = mainWindow();
    if (win === null || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
