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
  /** Pushes an event to the window (through the gateway's listeners). */
  emit<E extends keyof IpcEvents>(event: E, ...args: IpcEvents[E]): void;
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
}

/** Opens the vault (a failure is kept for `vault:status`, never thrown) and builds every handler. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const now = options.now ?? Date.now;
  const open = options.openVault ?? (() => Vault.open({ home: options.home, secrets: options.secrets, now }));
  const appVault = await openAppVault(open, options.secrets);
  const listeners = new Map<keyof IpcEvents, Set<(...args: unknown[]) => void>>();
  const emit = (event: keyof IpcEvents, ...args: unknown[]) =>
    listeners.get(event)?.forEach((listener) => listener(...args));
  const context: HandlerContext = {
    ...options,
    vault: () => appVault.current(),
    appVault,
    now,
    dialogs: options.dialogs ?? noDialogs,
    settings: settingsStore(options.home),
    keeper: clipboardKeeper(options.clipboard, options.timers),
    emit,
  };
  const handlers: ChannelHandlers = {
    ...vaultChannels(context),
    ...accountChannels(context),
    ...settingsChannels(context),
    ...scanChannels(context),
    ...backupChannels(context),
  };

  const changes = await vaultChanges(
    () => handlers['accounts:list'](),
    () => emit('vault:changed'),
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
    on(event, listener) {
      const fn = listener as (...args: unknown[]) => void;
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(fn));
      return () => void set.delete(fn);
    },
    async close() {
      watch?.close();
      listeners.clear();
      await context.keeper.flush();
    },
  };
}
