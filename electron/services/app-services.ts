import {
  CHANNELS,
  type ArgsOf,
  type Channel,
  type ChannelHandlers,
  type IpcEvents,
  type IpcReply,
  type ResultOf,
} from '../../shared/ipc/channels';
import type { ClipboardAdapter } from '../adapters/clipboard';
import { noDialogs, type DialogsAdapter } from '../adapters/dialogs';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import type { DisplayDecoder } from '../qr/screen-decoders';
import { accountChannels } from '../ipc/accounts';
import { backupChannels } from '../ipc/backup';
import { checkArgs, knownChannel } from '../ipc/check-args';
import { scanChannels } from '../ipc/scan';
import { settingsChannels } from '../ipc/settings';
import { vaultChanges } from '../ipc/vault-changes';
import { vaultChannels } from '../ipc/vault';
import { Vault, type SecretStore } from '../vault';
import { clipboardKeeper, type ClipboardKeeper, type Timers } from './clipboard-clear';
import { toReply } from './errors';
import type { ServerAddress } from '../../shared/clock-server';
import type { PowerAdapter } from '../adapters/power';
import type { TouchIdAdapter } from '../adapters/touch-id';
import type { ClockService } from '../clock/clock-service';
import type { SntpResult } from '../clock/sntp-client';
import { clockChannels } from '../ipc/clock';
import { lockChannels } from '../ipc/lock';
import { guardWhileLocked } from '../ipc/lock-guard';
import type { LockService } from '../lock/lock-service';
import { clockAndLock } from './clock-and-lock';
import type { CodeTime } from './codes';
import { eventHub, type EmitEvent } from './event-hub';
import { watchFolder } from './folder-watch';
import { settingsStore, type SettingsStore } from './settings-store';
import { openAppVault, type OpenedVault, type AppVault } from './app-vault';
import { desktopFactsBoard, type DesktopFactsBoard } from './desktop-facts';
import { openedScans, type OpenedScans } from './opened-scans';
import type { WindowCommand } from '../../shared/ipc/shapes';
import { windowChannels } from '../ipc/window';
import { windowCommands, type WindowCommands } from './window-commands';

/** Everything the services need from the outside world; Electron is not among it. */
export interface AppServicesOptions {
  /** The vault folder: account metadata and settings.json. */
  home: string;
  /** Where the seeds live (keytarSecretStore in the app and e2e, memorySecretStore in unit tests). */
  secrets: SecretStore;
  /** The clock every code is computed at; Date.now by default. */
  now?: () => number;
  clipboard: ClipboardAdapter;
  /** Timers for the clipboard wipe; the global ones by default. */
  timers?: Timers;
  /** Timers that end the 5-minute hold of seeds waiting for the user (scans, imports); unref'd global ones by default. */
  holdTimers?: Timers;
  /** Watch `home` for changes made by other processes (default true). */
  watch?: boolean;
  /** Native dialogs: open/save for import and export, and the confirmation before a key is shown; without them those channels report 'unavailable'. */
  dialogs?: DialogsAdapter;
  /** Every display's pixels for `scan:screens`; without it that channel says capture is unavailable. */
  screenCapture?: ScreenCaptureAdapter;
  /** Decodes the captured displays: worker threads in the app, the calling thread by default (unit tests). Closed with the services. */
  screenDecoder?: DisplayDecoder;
  /** How to open the vault; `Vault.open` over home/secrets/now by default. */
  openVault?: () => Promise<OpenedVault>;
  // ---- The clock and the lock ----
  /** Asks a time server once (`askTimeServer`); without it the clock is never measured (unit tests, benchmarks). */
  askTime?: (server: ServerAddress) => Promise<SntpResult>;
  /** Suspend, resume, screen lock and the system's idle time; without it only app activity counts. */
  power?: PowerAdapter;
  /** Touch ID for the unlock screen (macOS); none by default. */
  touchId?: TouchIdAdapter;
  /** A monotonic clock in ms (gaps between time-server questions, password attempt waits); performance.now by default. */
  monotonic?: () => number;
  /** Timers of the clock's schedule and of auto-lock; unref'd global ones by default. */
  backgroundTimers?: Timers;
}

/** What the concerns' handlers (electron/ipc/) are built over: the options, the open vault, the shared stores. */
export interface HandlerContext extends AppServicesOptions {
  /** The open vault; throws while it is not open. */
  vault: () => Vault;
  appVault: AppVault;
  now: () => number;
  dialogs: DialogsAdapter;
  settings: SettingsStore;
  keeper: ClipboardKeeper;
  /** What the desktop side found it can do (tray, shortcut, …), for `settings:status`. */
  desktop: DesktopFactsBoard;
  /** Steps left by opened links and the tray's screen scan, for `scan:opened`. */
  opened: OpenedScans;
  /** Commands waiting for the window, for `window:take-commands`. */
  windowCommands: WindowCommands;
  // ---- The clock and the lock ----
  /** The instant codes are computed at: corrected when the user chose it. */
  codeTime: () => CodeTime;
  clock: ClockService;
  lock: LockService;
  /** Pushes an event to the window (through the gateway's listeners). */
  emit: EmitEvent;
}

/** The main process minus Electron: what the IPC gateway and the e2e harness both call. */
export interface AppServices {
  /** Every channel's handler, unchecked (tests arrange state through them). */
  readonly handlers: ChannelHandlers;
  /** A request off the wire: the channel and its arguments are checked against the table, the outcome is a reply (errors as data). */
  receive(channel: string, args: unknown): Promise<IpcReply<unknown>>;
  /** {@link receive} with the types of the channel table. */
  invoke<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<IpcReply<ResultOf<C>>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void;
  /**
   * Asks the window to do something (the tray, the global shortcut, an opened link): the command
   * waits until the window takes it, which it does once rendered and unlocked.
   */
  command(command: WindowCommand): void;
  /** Calls `listener` whenever the account list may have changed: a write through a channel or another process's change. */
  onListChanged(listener: () => void): () => void;
  /** The settings store (the desktop side applies settings as they change). */
  readonly settings: SettingsStore;
  /** What the desktop side reports for the Settings dialog. */
  readonly desktop: DesktopFactsBoard;
  /** Links and tray scans into the scan session, for the window's Scan dialog. */
  readonly opened: OpenedScans;
  /** Stops watching, wipes a code still pending on the clipboard. */
  close(): Promise<void>;
  /** Locked (or not yet known): the tray shows no code and copies none. Changes come as `lock:changed`. */
  isLocked(): boolean;
  /** A lock password is set and Keyfob is open: {@link lockNow} would lock it. */
  lockable(): boolean;
  /** Locks now when a password is set (the tray's and the app menu's Lock Keyfob). */
  lockNow(): void;
}

/** Opens the vault (a failure is kept for `vault:status`, never thrown) and builds every handler. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const now = options.now ?? Date.now;
  const open = options.openVault ?? (() => Vault.open({ home: options.home, secrets: options.secrets, now }));
  const appVault = await openAppVault(open, options.secrets);
  const settings = settingsStore(options.home);
  const keeper = clipboardKeeper(options.clipboard, options.timers);
  const events = eventHub();
  const listChanged = new Set<() => void>();
  const waiting = windowCommands(now);
  const command = (c: WindowCommand): void => {
    waiting.put(c);
    events.emit('window:commands-waiting');
  };
  const { clock, lock, stop } = await clockAndLock(options, settings, keeper, events.emit);
  const context: HandlerContext = {
    ...options,
    vault: () => appVault.current(),
    appVault,
    now,
    dialogs: options.dialogs ?? noDialogs,
    settings,
    keeper,
    desktop: desktopFactsBoard(),
    // A link that arrives while the app is locked waits for the unlock.
    opened: openedScans(
      (channel, args) => receive(channel, args),
      command,
      () => lock.unlocked(),
    ),
    windowCommands: waiting,
    codeTime: () => clock.codeTime(),
    clock,
    lock,
    emit: events.emit,
  };
  const unguarded: ChannelHandlers = {
    ...vaultChannels(context),
    ...accountChannels(context),
    ...settingsChannels(context),
    ...scanChannels(context),
    ...backupChannels(context),
    ...clockChannels(context),
    ...lockChannels(context),
    ...windowChannels(context),
  };
  const handlers = guardWhileLocked(unguarded, () => lock.guard());

  const changes = await vaultChanges(
    () => unguarded['accounts:list'](),
    () => {
      events.emit('vault:changed');
      listChanged.forEach((listener) => listener());
    },
  );
  const watch = options.watch === false ? null : watchFolder(options.home, () => void changes.check());

  const receive = (name: string, args: unknown): Promise<IpcReply<unknown>> =>
    toReply(name, async () => {
      const channel = knownChannel(name);
      const run = handlers[channel] as (...checked: unknown[]) => Promise<unknown>;
      try {
        return await changes.around(channel, async () => run(...checkArgs(channel, args)));
      } finally {
        if (CHANNELS[channel].writes) listChanged.forEach((listener) => listener());
      }
    });
  return {
    handlers,
    receive,
    invoke: (channel, ...args) => receive(channel, args) as Promise<IpcReply<ResultOf<typeof channel>>>,
    on: events.on,
    command,
    onListChanged(listener) {
      listChanged.add(listener);
      return () => void listChanged.delete(listener);
    },
    settings: context.settings,
    desktop: context.desktop,
    opened: context.opened,
    async close() {
      watch?.close();
      stop();
      events.clear();
      listChanged.clear();
      await Promise.all([context.keeper.flush(), options.screenDecoder?.close()]);
    },
    isLocked: () => lock.isLocked(),
    lockable: () => lock.isOpenWithPassword(),
    lockNow: () => lock.lock(),
  };
}
