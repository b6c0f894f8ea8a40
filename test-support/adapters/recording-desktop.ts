import type { WindowControl } from '../../electron/desktop/desktop-controller';
import type { LoginItemAdapter } from '../../electron/desktop/login-item';
import type { ShortcutAdapter } from '../../electron/desktop/shortcut';
import type { TrayAdapter } from '../../electron/desktop/tray';
import type { TrayAction, TrayItem } from '../../electron/desktop/tray-menu';

/** A tray that keeps its menu as data and lets a test choose an item or click the icon. */
export interface RecordingTray extends TrayAdapter {
  /** The menu as last set. */
  readonly items: readonly TrayItem[];
  /** Chooses the enabled item labelled `label`, as a click in the real menu would; throws when there is none. */
  choose(label: string | RegExp): Promise<void>;
  /** Clicks the icon itself. */
  click(): void;
  readonly destroyed: boolean;
}

/** A {@link RecordingTray}: `choose` waits for what the item does (copying, scanning) to finish. */
export function recordingTray(): RecordingTray {
  let items: readonly TrayItem[] = [];
  let onChoose: (action: TrayAction) => Promise<void> = async () => undefined;
  const clicks: Array<() => void> = [];
  let destroyed = false;
  return {
    get items() {
      return items;
    },
    get destroyed() {
      return destroyed;
    },
    setMenu(next, choose) {
      items = next;
      onChoose = choose;
    },
    onClick: (listener) => void clicks.push(listener),
    async choose(label) {
      const item = items.find(
        (i) => i.kind === 'item' && (typeof label === 'string' ? i.label === label : label.test(i.label)),
      );
      if (item?.kind !== 'item' || item.action === null || !item.enabled) {
        throw new Error(`The tray menu has no enabled item ${String(label)}.`);
      }
      await onChoose(item.action);
    },
    click: () => clicks.forEach((listener) => listener()),
    destroy() {
      destroyed = true;
    },
  };
}

/** Global shortcuts as a test sees them: what is registered, and pressing one. */
export interface RecordingShortcuts extends ShortcutAdapter {
  readonly registered: readonly string[];
  /** Presses `accelerator` as the OS would deliver it; false when it is not registered. */
  press(accelerator: string): boolean;
}

/** A {@link RecordingShortcuts} where every accelerator in `taken` is held by another program. */
export function recordingShortcuts(taken: readonly string[] = []): RecordingShortcuts {
  const handlers = new Map<string, () => void>();
  return {
    get registered() {
      return [...handlers.keys()];
    },
    register(accelerator, onPress) {
      if (taken.includes(accelerator) || handlers.has(accelerator)) return false;
      handlers.set(accelerator, onPress);
      return true;
    },
    unregister: (accelerator) => void handlers.delete(accelerator),
    press(accelerator) {
      const handler = handlers.get(accelerator);
      handler?.();
      return handler !== undefined;
    },
  };
}

/** Login items as a test sees them; `failWith` makes every change fail with that error. */
export function recordingLoginItem(failWith?: Error): LoginItemAdapter & { readonly enabled: boolean } {
  let enabled = false;
  return {
    get enabled() {
      return enabled;
    },
    async setEnabled(on) {
      if (failWith) throw failWith;
      enabled = on;
    },
  };
}

/** A window as a test sees it: shown or hidden, focused, protected from capture; `onShow`/`onHide` mirror it elsewhere (the e2e page). */
export interface RecordingWindow extends WindowControl {
  readonly state: { visible: boolean; minimized: boolean; contentProtection: boolean | null; shows: number };
  /** Resolves once the last show or hide has reached `onShow`/`onHide`'s far side. */
  settled(): Promise<void>;
}

/** A {@link RecordingWindow}, visible unless `visible` is false; a shown window is focused. */
export function recordingWindow(
  options: { visible?: boolean; onShow?: () => Promise<void>; onHide?: () => Promise<void> } = {},
): RecordingWindow {
  const state = {
    visible: options.visible ?? true,
    minimized: false,
    contentProtection: null as boolean | null,
    shows: 0,
  };
  let last: Promise<void> = Promise.resolve();
  return {
    state,
    settled: () => last,
    visible: () => state.visible && !state.minimized,
    focused: () => state.visible && !state.minimized,
    async show() {
      state.visible = true;
      state.minimized = false;
      state.shows++;
      last = options.onShow?.() ?? Promise.resolve();
      await last;
    },
    hide() {
      state.visible = false;
      last = options.onHide?.() ?? Promise.resolve();
    },
    minimize() {
      state.minimized = true;
    },
    setContentProtection(on) {
      state.contentProtection = on;
    },
  };
}
