import { acceleratorLabel } from '../../shared/accelerator';
import type { Facility, Settings } from '../../shared/ipc/shapes';
import type { AppServices } from '../services/app-services';
import { desktopPlatform } from '../services/desktop-facts';
import type { LoginItemAdapter } from './login-item';
import { shortcutFailure, type ShortcutAdapter } from './shortcut';
import type { TrayAdapter } from './tray';
import { livePins, trayMenuModel, type TrayAction, type TrayItem } from './tray-menu';
import { contentProtectionFacility, trayFacility } from './facilities';

/** What the desktop controller does with the main window: main's BrowserWindow in the app, the page in the harness. */
export interface WindowControl {
  visible(): boolean;
  focused(): boolean;
  /** Shows the window (creating it when there is none), restored and focused. */
  show(): Promise<void>;
  hide(): void;
  minimize(): void;
  /** Keeps the window out of screenshots and screen sharing (macOS, Windows). */
  setContentProtection(on: boolean): void;
}

/** Everything the desktop side works with; none of it is Electron itself, so tests and the harness supply their own. */
export interface DesktopDeps {
  platform: NodeJS.Platform;
  services: Pick<
    AppServices,
    | 'settings'
    | 'desktop'
    | 'opened'
    | 'command'
    | 'onListChanged'
    | 'invoke'
    | 'on'
    | 'isLocked'
    | 'lockable'
    | 'lockNow'
  >;
  window: WindowControl;
  /** The tray icon, or null where none could be made. */
  tray: TrayAdapter | null;
  shortcuts: ShortcutAdapter;
  loginItem: LoginItemAdapter;
  /** Linux: whether a panel that draws tray icons is on the session bus (tray-host.ts). */
  trayHost: () => Promise<boolean>;
  /** A Wayland session, where shortcuts go through the desktop's portal. */
  wayland: boolean;
  quit: () => void;
}

/** The running desktop integration: the tray, the global shortcut, links, closing to the tray. */
export interface Desktop {
  /** The tray menu as shown now. */
  trayItems(): readonly TrayItem[];
  /** Does what the tray item `action` does (the tray adapter calls this on a click). */
  choose(action: TrayAction): Promise<void>;
  /** What closing the window does now: hide it to the tray, or really close it (and quit). */
  closeAction(): 'hide' | 'close';
  /** From now on closing really closes (Quit, the OS logging out). */
  quitting(): void;
  /** Whether the window shows at start: not when starting hidden in a tray, unless a link came with the start. */
  startVisible(withLinks: boolean): boolean;
  /**
   * Links opened from outside: each into the scan session as a scanned code, then the window shows
   * them. While the app is locked the window shows its unlock form first and the links wait for it.
   */
  openLinks(links: readonly string[]): Promise<void>;
  /** The global shortcut: hides a focused window, else shows it with the search field focused. */
  toggle(): Promise<void>;
  /** Applies the window settings to a newly made window (screen-sharing protection). */
  windowCreated(): void;
  /** Rebuilds the tray menu from the accounts and pins as they are now. */
  refreshTray(): Promise<void>;
  dispose(): void;
}

/** Starts the desktop integration over `deps`, with the settings as saved, and reports what works here. */
export async function startDesktop(deps: DesktopDeps): Promise<Desktop> {
  const { services, window, tray, shortcuts, platform } = deps;
  const family = desktopPlatform(platform);
  let settings = await services.settings.get();
  const hostFound = family === 'linux' ? await deps.trayHost() : true;
  let trayHere = trayFacility(family, hostFound, settings.trayIconSeen);
  let items: readonly TrayItem[] = [];
  let registered: string | null = null;
  let closing = false;

  const registerShortcut = (accelerator: string): void => {
    if (registered !== null) shortcuts.unregister(registered);
    registered = null;
    if (accelerator === '') return services.desktop.report({ shortcut: { available: false, message: null } });
    const label = acceleratorLabel(accelerator, family);
    if (shortcuts.register(accelerator, () => void desktop.toggle())) {
      registered = accelerator;
      return services.desktop.report({ shortcut: { available: true, message: null } });
    }
    services.desktop.report({
      shortcut: { available: false, message: shortcutFailure(label, deps.wayland) },
    });
  };

  const applyLoginItem = async (on: boolean): Promise<void> => {
    let startAtLogin: Facility = { available: true, message: null };
    try {
      await deps.loginItem.setEnabled(on);
    } catch (error) {
      const what = on ? 'add Keyfob to' : 'remove Keyfob from';
      startAtLogin = {
        available: true,
        message: `Could not ${what} the programs started at login (${(error as Error).name}).`,
      };
    }
    services.desktop.report({ startAtLogin });
  };

  const showTrayMenu = (): void =>
    tray?.setMenu(items, (action) =>
      desktop.choose(action).catch((error: unknown) => {
        console.warn(`[keyfob] the tray's ${action.split(':')[0]} failed (${(error as Error).name})`);
      }),
    );

  const desktop: Desktop = {
    trayItems: () => items,
    async choose(action) {
      if (action === 'quit') return deps.quit();
      if (action === 'show') return window.show();
      if (action === 'lock') return services.lockNow();
      if (action === 'settings') {
        await window.show();
        return services.command({ kind: 'settings' });
      }
      if (action === 'scan-screen') {
        // Locked: nothing is captured now; the window shows its unlock form and scans once open.
        if (services.isLocked()) services.command({ kind: 'scan-screen' });
        else await services.opened.screens();
        return window.show();
      }
      // Locked: nothing is copied; the window shows its unlock form.
      if (services.isLocked()) return window.show();
      const reply = await services.invoke('clipboard:copy-code', action.slice('copy:'.length));
      if (reply.ok) return;
      // The tray cannot show a message itself: the window does.
      await window.show();
      services.command({ kind: 'notice', message: reply.error.message });
    },
    closeAction: () => (!closing && settings.closeToTray && trayHere.available ? 'hide' : 'close'),
    quitting() {
      closing = true;
    },
    startVisible: (withLinks) => withLinks || !(settings.startHidden && trayHere.available),
    async openLinks(links) {
      if (links.length === 0) return;
      if (services.isLocked()) await window.show();
      for (const link of links) await services.opened.link(link);
      await window.show();
    },
    async toggle() {
      if (window.visible() && window.focused()) {
        // Without a tray a hidden window could only come back by the shortcut: minimise instead.
        return trayHere.available ? window.hide() : window.minimize();
      }
      await window.show();
      services.command({ kind: 'focus-search' });
    },
    windowCreated() {
      if (family !== 'linux') window.setContentProtection(settings.contentProtection);
    },
    async refreshTray() {
      if (services.isLocked()) {
        items = trayMenuModel({ accounts: [], pinned: [], platform: family, locked: true });
        return showTrayMenu();
      }
      const reply = await services.invoke('accounts:list');
      const accounts = reply.ok ? reply.value : [];
      const ids = new Set(accounts.map((a) => a.id));
      // Deleted accounts leave the pins (only when the list could be read: an error is not "no accounts").
      if (reply.ok && livePins(settings.pinned, ids).length !== settings.pinned.length) {
        settings = await services.settings.update((s) => ({ pinned: livePins(s.pinned, ids) }));
      }
      items = trayMenuModel({
        accounts,
        pinned: settings.pinned,
        platform: family,
        lockable: services.lockable(),
      });
      showTrayMenu();
    },
    dispose() {
      offSettings();
      offList();
      offLock();
      if (registered !== null) shortcuts.unregister(registered);
      tray?.destroy();
    },
  };

  const apply = (next: Settings, previous: Settings): void => {
    settings = next;
    if (next.shortcut !== previous.shortcut) registerShortcut(next.shortcut);
    if (next.contentProtection !== previous.contentProtection) desktop.windowCreated();
    if (next.startAtLogin !== previous.startAtLogin) void applyLoginItem(next.startAtLogin);
    if (next.trayIconSeen !== previous.trayIconSeen) {
      trayHere = trayFacility(family, hostFound, next.trayIconSeen);
      services.desktop.report({ tray: trayHere });
    }
    if (next.pinned.join() !== previous.pinned.join()) void desktop.refreshTray();
  };
  const offSettings = services.settings.onChange(apply);
  const offList = services.onListChanged(() => void desktop.refreshTray());
  // Locking takes the pinned accounts (and Lock Keyfob) out of the tray menu; unlocking brings them back.
  const offLock = services.on('lock:changed', () => void desktop.refreshTray());

  services.desktop.report({
    tray: trayHere,
    contentProtection: contentProtectionFacility(family),
    startAtLogin: { available: true, message: null },
  });
  registerShortcut(settings.shortcut);
  // An entry made by an earlier install may point at an old path: it is written again.
  if (settings.startAtLogin) await applyLoginItem(true);
  tray?.onClick(() => void window.show());
  await desktop.refreshTray();
  return desktop;
}
