import { loadElectron } from '../adapters/electron-module';

/** The global shortcut as the desktop controller sees it: Electron's globalShortcut in the app, a recording in tests. */
export interface ShortcutAdapter {
  /** Registers `accelerator`; true only when the OS (or Wayland's portal) accepted it. */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}

/**
 * Electron's globalShortcut. A key another program holds fails silently (register answers false,
 * by OS design); an accelerator Electron cannot parse throws, and is reported the same way.
 * @see https://www.electronjs.org/docs/latest/api/global-shortcut
 */
export function electronShortcuts(): ShortcutAdapter {
  return {
    register(accelerator, onPress) {
      const { globalShortcut } = loadElectron();
      try {
        return globalShortcut.register(accelerator, onPress) && globalShortcut.isRegistered(accelerator);
      } catch {
        return false;
      }
    },
    unregister(accelerator) {
      const { globalShortcut } = loadElectron();
      try {
        globalShortcut.unregister(accelerator);
      } catch {
        // Never registered (it failed), so there is nothing to undo.
      }
    },
  };
}

/** The Chromium feature that routes global shortcuts through xdg-desktop-portal on Wayland. */
export const PORTAL_FEATURE = 'GlobalShortcutsPortal';

/**
 * The value for `--enable-features` with `feature` added to what is already there: Chromium reads
 * only the last `--enable-features` switch, so every feature has to be in one list.
 */
export function withFeature(existing: string, feature: string): string {
  const features = existing
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  return features.includes(feature) ? features.join(',') : [...features, feature].join(',');
}

/**
 * On Wayland X11 key grabs do not work; Electron registers global shortcuts through the desktop's
 * portal when this feature is on. Must run before the app is ready.
 */
export function enableShortcutPortal(): void {
  const { app } = loadElectron();
  app.commandLine.appendSwitch(
    'enable-features',
    withFeature(app.commandLine.getSwitchValue('enable-features'), PORTAL_FEATURE),
  );
}

/** Why `label` could not be registered, as one sentence for the Settings dialog. */
export function shortcutFailure(label: string, wayland: boolean): string {
  return wayland
    ? `${label} could not be registered: this Wayland desktop did not accept it through its shortcut portal. ` +
        "Choose another, or bind a key to start Keyfob in your desktop's keyboard settings (a second start brings the window forward)."
    : `${label} could not be registered: another program probably uses it. Choose another shortcut.`;
}
