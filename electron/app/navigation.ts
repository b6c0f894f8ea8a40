import { app } from 'electron';

/**
 * Hardens every web contents the app ever creates: no navigation away from the loaded page, no
 * new windows, no <webview>. Links to the web are simply refused; the app has none it needs.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * @see https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 */
export function setupNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
