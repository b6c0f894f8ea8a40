import type { Page } from '@playwright/test';
import { startDesktop, type Desktop } from '../electron/desktop/desktop-controller';
import { openLinksIn } from '../electron/desktop/links';
import type { AppServices } from '../electron/services/app-services';
import {
  recordingLoginItem,
  recordingShortcuts,
  recordingTray,
  recordingWindow,
  type RecordingShortcuts,
  type RecordingTray,
  type RecordingWindow,
} from '../test-support/adapters/recording-desktop';

/** How the harness's desktop looks: the OS family, whether a tray host answers, which shortcuts other programs hold. */
export interface DesktopOptions {
  /** Default: this machine's platform. */
  platform?: NodeJS.Platform;
  /** Linux: whether a StatusNotifierItem host is on the session bus (default true). */
  trayHost?: boolean;
  /** Accelerators another program holds: registering them fails. */
  takenShortcuts?: string[];
  wayland?: boolean;
}

/** The desktop side of a harness run: main's own controller over recording adapters and the page as its window. */
export interface HarnessDesktop {
  readonly controller: Desktop;
  readonly tray: RecordingTray;
  readonly shortcuts: RecordingShortcuts;
  readonly window: RecordingWindow;
  readonly loginItem: { readonly enabled: boolean };
  /** True once something asked the app to quit (the tray's Quit). */
  readonly quitRequested: boolean;
  /** A second `keyfob-desktop` started with `argv` (a clicked link): main's own entry for command lines. */
  secondInstance(argv: string[]): Promise<void>;
  /** Presses the registered global shortcut; throws when none is registered. */
  pressShortcut(): Promise<void>;
  /** Chooses a tray menu item by its label, and waits for what it does. */
  chooseTray(label: string | RegExp): Promise<void>;
  dispose(): void;
}

/**
 * Makes the page look shown or hidden, as Electron's `win.show()` / `win.hide()` do to a page:
 * `document.visibilityState` and a `visibilitychange` event (and `blur` when hidden). Headless
 * Chromium has no window to hide, so the harness sets what the page can observe.
 */
export async function emulateVisibility(page: Page, visible: boolean): Promise<void> {
  if (page.url() === 'about:blank') return;
  await page.evaluate((shown) => {
    const state = shown ? 'visible' : 'hidden';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => !shown });
    if (!shown) window.dispatchEvent(new Event('blur'));
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

/** Starts main's desktop controller for a harness run, its window being `page()`. */
export async function startHarnessDesktop(
  services: AppServices,
  page: () => Page,
  options: DesktopOptions = {},
): Promise<HarnessDesktop> {
  const tray = recordingTray();
  const shortcuts = recordingShortcuts(options.takenShortcuts);
  const loginItem = recordingLoginItem();
  const window = recordingWindow({
    onShow: () => emulateVisibility(page(), true),
    onHide: () => emulateVisibility(page(), false),
  });
  let quitRequested = false;
  const controller = await startDesktop({
    platform: options.platform ?? process.platform,
    services,
    window,
    tray,
    shortcuts,
    loginItem,
    trayHost: async () => options.trayHost ?? true,
    wayland: options.wayland ?? false,
    quit: () => {
      quitRequested = true;
    },
  });
  controller.windowCreated();
  return {
    controller,
    tray,
    shortcuts,
    window,
    loginItem,
    get quitRequested() {
      return quitRequested;
    },
    secondInstance: (argv) => openLinksIn(argv, (links) => controller.openLinks(links)),
    async pressShortcut() {
      const [accelerator] = shortcuts.registered;
      if (accelerator === undefined || !shortcuts.press(accelerator))
        throw new Error('No global shortcut is registered.');
      // The press started the controller's toggle, which showed or hid the window at once.
      await window.settled();
    },
    chooseTray: (label) => tray.choose(label),
    dispose: () => controller.dispose(),
  };
}
