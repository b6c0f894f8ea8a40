import { app } from 'electron';

/**
 * Quits when the last window really closes (closing to the tray only hides it, see app/desktop.ts)
 * and runs `cleanup` once before the process exits — e.g. wiping a code still on the clipboard.
 */
export function setupQuitBehaviour(cleanup: () => Promise<void>): void {
  let cleaned = false;
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (cleaned) return;
    event.preventDefault();
    cleaned = true;
    const done = (): void => app.quit();
    cleanup().then(done, done);
  });
}
