/**
 * Keyfob's main process. Started as `keyfob` (the launchers' --keyfob-cli) it runs the command-line
 * tool and exits; otherwise the desktop app: hardening first (scheme, sandbox, navigation), then
 * the vault, the IPC gateway and the one window. Each concern lives in its own `app/` module.
 */
import { app, session, type BrowserWindow } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { electronClipboard } from './adapters/clipboard';
import { electronScreenCapture } from './adapters/screen-capture';
import { electronDialogs } from './adapters/dialogs';
import { electronPower } from './adapters/power';
import { electronTouchId } from './adapters/touch-id';
import { APP_ICON, assetsDir } from './app/bundled-assets';
import { runCliInApp } from './app/cli-in-app';
import { cliArguments, refusalMessage, refusedSwitch } from './app/launch-mode';
import { prepareDesktop, secondInstance, setupDesktop } from './app/desktop';
import { setupQuitBehaviour } from './app/lifecycle';
import { setupAppMenu } from './app/menu';
import { setupNavigationGuards } from './app/navigation';
import { rendererEntry } from './app/origin';
import { setupPermissions } from './app/permissions';
import { registerAppScheme, setupAppProtocol } from './app/protocol';
import { setupSingleInstance } from './app/single-instance';
import { createMainWindow } from './app/window';
import { loadWindowState, trackWindowState, windowStateFile, windowStateSaved } from './app/window-state';
import { askTimeServer } from './clock/sntp-client';
import { openIpcGateway } from './ipc/gateway';
import { SCREEN_WORKER, workerDecoders } from './qr/screen-decoders';
import { createAppServices } from './services/app-services';
import { keytarSecretStore, resolveVaultLocation } from './vault';

const location = resolveVaultLocation(process.env, process.platform, homedir());
const iconPath = join(assetsDir(__dirname), APP_ICON);
let mainWindow: BrowserWindow | null = null;

launch();

function launch(): void {
  // An installed app never opens the DevTools protocol, whatever its command line says.
  const refused = refusedSwitch(app.isPackaged, (name) => app.commandLine.hasSwitch(name));
  if (refused !== null) {
    process.stderr.write(`${refusalMessage(refused)}\n`);
    app.exit(1);
    return;
  }
  const cliArgs = cliArguments(process.argv);
  if (cliArgs !== null) {
    void runCliInApp(cliArgs);
    return;
  }

  // userData must be Keyfob's folder (where resolveVaultLocation looks) before anything reads it;
  // with KEYFOB_HOME (tests, portable installs) userData follows the vault so instances stay apart.
  app.setName('Keyfob');
  if (process.env.KEYFOB_HOME?.trim()) app.setPath('userData', location.home);

  app.enableSandbox();
  registerAppScheme();
  setupNavigationGuards();
  prepareDesktop();

  if (setupSingleInstance(() => mainWindow, secondInstance)) {
    start().catch((error: unknown) => {
      console.error(`[keyfob] start-up failed (${error instanceof Error ? error.name : typeof error})`);
      app.exit(1);
    });
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const entry = rendererEntry(process.env, app.isPackaged);
  setupAppProtocol(join(__dirname, '../renderer'));
  setupPermissions(session.defaultSession, entry.origin);

  // A locked or missing keychain does not stop the app: vault:status reports it to the banner.
  const services = await createAppServices({
    home: location.home,
    secrets: keytarSecretStore(location.service, process.platform, { home: location.home }),
    clipboard: electronClipboard(),
    dialogs: electronDialogs(() => mainWindow),
    screenCapture: electronScreenCapture(() => mainWindow),
    // Beside this file in out/main/ (its own entry in electron.vite.config.ts).
    screenDecoder: workerDecoders(join(__dirname, SCREEN_WORKER)),
    // The clock (SNTP over node:dgram) and the lock (sleep, screen lock, idle time, Touch ID).
    askTime: (server) => askTimeServer(server),
    power: electronPower(),
    touchId: electronTouchId(),
  });
  openIpcGateway(() => mainWindow?.webContents ?? null, entry.origin, services);
  const lockMenu = setupAppMenu(iconPath, {
    openSettings: () => void desktop.show().then(() => services.command({ kind: 'settings' })),
    lockNow: () => services.lockNow(),
  });
  lockMenu(services.lockable());
  services.on('lock:changed', () => lockMenu(services.lockable()));
  setupQuitBehaviour(async () => {
    await Promise.all([services.close(), windowStateSaved()]);
  });

  const openWindow = async (show: boolean): Promise<BrowserWindow> => {
    const stateFile = windowStateFile();
    const win = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      entry,
      state: await loadWindowState(stateFile),
      iconPath,
      devTools: !app.isPackaged,
      show,
    });
    trackWindowState(win, stateFile);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    return win;
  };
  // The tray, the global shortcut, links and login items; it opens the window.
  const desktop = await setupDesktop({
    services,
    assetsDir: assetsDir(__dirname),
    window: () => mainWindow,
    openWindow,
  });
  // macOS: clicking the Dock icon brings the window back, hidden or closed.
  app.on('activate', () => void desktop.show());
}
