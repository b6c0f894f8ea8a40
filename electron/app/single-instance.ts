import { app, type BrowserWindow } from 'electron';

/**
 * Makes Keyfob single-instance: a second launch hands its command line (an opened otpauth link,
 * say) to the first, which comes to the front, and then quits. Returns false in that second
 * process, which must not go on starting.
 */
export function setupSingleInstance(
  mainWindow: () => BrowserWindow | null,
  onCommandLine: (argv: string[], showWindow: () => void) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    onCommandLine(argv, () => {
      const win = mainWindow();
      if (win === null || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    });
  });
  return true;
}
