import type {
  ArgsOf,
  Channel,
  ChannelHandlers,
  IpcEvents,
  IpcReply,
  ResultOf,
} from '../../shared/ipc/channels';
import type { ClipboardAdapter } from '../adapters/clipboard';
import { noDialogs, type DialogsAdapter } from '../adapters/dialogs';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
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
import { performance } from 'node:perf_hooks';
import { parseServerAddress, type ServerAddress } from '../../shared/clock-server';
import type { PowerAdapter } from '../adapters/power';
import type { TouchIdAdapter } from '../adapters/touch-id';
import { clockService, type ClockService } from '../clock/clock-service';
import type { SntpResult } from '../clock/sntp-client';
import { clockChannels } from '../ipc/clock';
import { lockChannels } from '../ipc/lock';
import { guardWhileLocked } from '../ipc/lock-guard';
import { lockService, type LockService } from '../lock/lock-service';
import type { CodeTime } from './codes';
import { unrefTimers } from './seed-hold';
import { watchFolder } from './folder-watch';
import { settingsStore, type SettingsStore } from './settings-store';
import { openAppVault, type OpenedVault, type AppVault } from './app-vault';

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
  // ---- The clock and the lock ----
  /** The instant codes are computed at: corrected when the user chose it. */
  codeTime: () => CodeTime;
  clock: ClockService;
  lock: LockService;
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
  /** Stops watching, wipes a code still pending on the clipboard. */
  close(): Promise<void>;
  /** Locked (or not yet known): the tray shows no code and copies none. Changes come as `lock:changed`. */
  isLocked(): boolean;
  /** Locks now when a password is set (a tray or menu item). */
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
  const { clock, lock, stop } = await clockAndLock(options, settings, keeper, events.emit);
  const context: HandlerContext = {
    ...options,
    vault: () => appVault.current(),
    appVault,
    now,
    dialogs: options.dialogs ?? noDialogs,
    settings,
    keeper,
    codeTime: () => clock.codeTime(),
    clock,
    lock,
  };
  const unguarded: ChannelHandlers = {
    ...vaultChannels(context),
    ...accountChannels(context),
    ...settingsChannels(context),
    ...scanChannels(context),
    ...backupChannels(context),
    ...clockChannels(context),
    ...lockChannels(context),
  };
  const handlers = guardWhileLocked(unguarded, () => lock.guard());

  const changes = await vaultChanges(
    () => unguarded['accounts:list'](),
    () => events.emit('vault:changed'),
  );
  const watch = options.watch === false ? null : watchFolder(options.home, () => void changes.check());

  const receive = (name: string, args: unknown): Promise<IpcReply<unknown>> =>
    toReply(name, async () => {
      const channel = knownChannel(name);
      const run = handlers[channel] as (...checked: unknown[]) => Promise<unknown>;
      return changes.around(channel, async () => run(...checkArgs(channel, args)));
    });
  return {
    handlers,
    receive,
    invoke: (channel, ...args) => receive(channel, args) as Promise<IpcReply<ResultOf<typeof channel>>>,
    on: events.on,
    async close() {
      watch?.close();
      stop();
      events.clear();
      await context.keeper.flush();
    },
    isLocked: () => lock.isLocked(),
    lockNow: () => lock.lock(),
  };
}

/** Listeners per pushed event. */
function eventHub() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void {
      const fn = listener as (...args: unknown[]) => void;
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(fn));
      return () => void set.delete(fn);
    },
    emit<E extends keyof IpcEvents>(event: E, ...args: IpcEvents[E]): void {
      listeners.get(event)?.forEach((listener) => listener(...args));
    },
    clear: () => listeners.clear(),
  };
}

// ---- The clock and the lock ----

/**
 * The clock service (measuring from the settings' server, resumes asking again) and the lock
 * service (verifier in the keychain, auto-lock, wiping the clipboard on lock), both following the
 * settings. The lock's state is read at once, so the window's first question gets a real answer.
 */
async function clockAndLock(
  options: AppServicesOptions,
  settings: SettingsStore,
  keeper: ClipboardKeeper,
  emit: ReturnType<typeof eventHub>['emit'],
): Promise<{ clock: ClockService; lock: LockService; stop: () => void }> {
  const now = options.now ?? Date.now;
  const monotonic = options.monotonic ?? (() => performance.now());
  const timers = options.backgroundTimers ?? unrefTimers;
  const { askTime } = options;
  let current = await settings.get();
  const clock = clockService({
    ask:
      askTime &&
      ((server) => {
        const address = parseServerAddress(server);
        return address === null
          ? Promise.resolve({ kind: 'no-answer', why: 'bad server' })
          : askTime(address);
      }),
    now,
    monotonic,
    timers,
    onChange: (status) => emit('clock:changed', status),
  });
  const lock = lockService({
    secrets: options.secrets,
    touchId: options.touchId,
    power: options.power,
    now,
    monotonic,
    timers,
    settings: () => current,
    onChange: (status) => emit('lock:changed', status),
    onLock: () => void keeper.flush().catch(() => console.warn('[keyfob] could not clear the clipboard')),
  });
  await lock.settle().catch(() => undefined); // a locked keychain: settled on the next guarded request
  clock.follow(current);
  const unsubscribe = [
    settings.subscribe((next) => {
      current = next;
      clock.follow(next);
      lock.settingsChanged();
    }),
    options.power?.on('resume', () => clock.askSoon()) ?? (() => undefined),
  ];
  return {
    clock,
    lock,
    stop() {
      unsubscribe.forEach((off) => off());
      clock.close();
      lock.close();
    },
  };
}
