import type { ArgsOf, Channel, IpcEvents, IpcReply, ResultOf } from '../../shared/ipc-contract';
import type { ClipboardAdapter } from '../adapters/clipboard';
import { Vault, type SecretStore } from '../vault';
import { accountHandlers } from './account-handlers';
import { clipboardKeeper, type Timers } from './clipboard-clear';
import { toReply } from './errors';
import { watchFolder } from './folder-watch';
import { settingsStore } from './settings-store';
import { openVaultSession, type OpenedVault } from './vault-session';
import { scanHandlers } from './scan-handlers';
import type { ScreenCaptureAdapter } from '../adapters/screen-capture';
import { backupHandlers } from './backup-handlers';
import { replaceHandlers } from './replace-handlers';
import { qrHandlers } from './qr-handlers';
import { noDialogs, type DialogsAdapter } from '../adapters/dialogs';

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

/** One implementation per contract channel, returning the result or throwing a KeyfobError. */
export type ServiceHandlers = { [C in Channel]: (...args: ArgsOf<C>) => Promise<ResultOf<C>> };

/** The main process minus Electron: what the IPC gateway and the e2e harness both call. */
export interface AppServices {
  readonly handlers: ServiceHandlers;
  /** Runs a channel and turns its outcome into the reply that crosses IPC (errors as data). */
  invoke<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<IpcReply<ResultOf<C>>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void;
  /** Stops watching, wipes a code still pending on the clipboard. */
  close(): Promise<void>;
}

/** Channels after which the account list on disk is what this process last wrote. */
const WRITES = new Set<Channel>([
  'accounts:add',
  'accounts:rename',
  'accounts:remove',
  'accounts:reorder',
  'accounts:hotp-next',
  'scan:save',
  'backup:import-commit',
  'accounts:replace',
  'accounts:restore',
]);

/** Opens the vault (a failure is kept for `vault:status`, never thrown) and builds every handler. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const now = options.now ?? Date.now;
  const open = options.openVault ?? (() => Vault.open({ home: options.home, secrets: options.secrets, now }));
  const session = await openVaultSession(open, options.secrets);
  const accounts = accountHandlers(() => session.current(), now);
  const settings = settingsStore(options.home);
  const dialogs = options.dialogs ?? noDialogs;
  const scan = scanHandlers(() => session.current(), now, options.screenCapture, options.holdTimers);
  const backup = backupHandlers(
    () => session.current(),
    dialogs,
    options.home,
    now,
    options.holdTimers,
    async () => options.secrets.probe?.(),
  );
  const rekey = replaceHandlers(() => session.current(), now);
  const qr = qrHandlers(() => session.current(), dialogs);
  const keeper = clipboardKeeper(options.clipboard, options.timers);
  const listeners = new Set<() => void>();

  const handlers: ServiceHandlers = {
    'vault:status': () => session.status(),
    'vault:retry': () => session.retry(),
    'accounts:list': () => accounts.list(),
    'accounts:codes': (ids) => accounts.codes(ids),
    'accounts:check-draft': (draft) => accounts.checkDraft(draft),
    'accounts:add': (draft, opts) => accounts.add(draft, opts),
    'accounts:rename': (id, label) => accounts.rename(id, label),
    'accounts:remove': (id) => accounts.remove(id),
    'accounts:reorder': (ids) => accounts.reorder(ids),
    'accounts:hotp-next': (id) => accounts.hotpNext(id),
    'clipboard:copy-code': async (id) => {
      const [code, { clearClipboardSeconds }] = await Promise.all([accounts.currentCode(id), settings.get()]);
      await keeper.copy(code, clearClipboardSeconds);
      return { code, clearAfterSeconds: clearClipboardSeconds };
    },
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'scan:submit': (text) => scan.submit(text),
    'scan:screens': () => scan.screens(),
    'scan:pending': () => scan.pending(),
    'scan:save': (decisions) => scan.save(decisions),
    'scan:reset': () => scan.reset(),
    'backup:import-open': () => backup.importOpen(),
    'backup:import-read': (id, password) => backup.importRead(id, password),
    'backup:import-commit': (id, choices) => backup.importCommit(id, choices),
    'backup:import-cancel': (id) => backup.importCancel(id),
    'backup:export': (format, password) => backup.exportTo(format, password),
    'accounts:check-replace': (id, key) => rekey.check(id, key),
    'accounts:replace': (id, key) => rekey.replace(id, key),
    'accounts:restore': (id) => rekey.restore(id),
    'accounts:show-qr': (id) => qr.accountQr(id),
    'backup:transfer-codes': (ids) => qr.transfer(ids),
    'backup:reminder': async () => ({ due: await backup.reminder() }),
    'backup:reminder-dismiss': () => backup.dismissReminder(),
  };

  // Outside changes (the CLI, another process): compare the list with what this process last
  // saw, so our own writes do not echo back as "changed".
  let known: string | null = null;
  let inFlight = 0;
  const snapshot = async (): Promise<string | null> => {
    try {
      return JSON.stringify(await accounts.list());
    } catch {
      return null;
    }
  };
  const check = async (): Promise<void> => {
    if (inFlight > 0) return void setTimeout(() => void check(), 100);
    const seen = await snapshot();
    if (seen === null || seen === known) return;
    known = seen;
    for (const listener of listeners) listener();
  };
  known = await snapshot();
  const watch = options.watch === false ? null : watchFolder(options.home, () => void check());

  return {
    handlers,
    async invoke(channel, ...args) {
      inFlight++;
      try {
        const fn = handlers[channel] as (...a: ArgsOf<typeof channel>) => Promise<ResultOf<typeof channel>>;
        const reply = await toReply(channel, () => fn(...args));
        // Only our own writes update the baseline: if a read did, a renderer refresh landing between
        // another process's write and the debounced check would swallow that outside change.
        if (WRITES.has(channel)) known = await snapshot();
        return reply;
      } finally {
        inFlight--;
      }
    },
    on(_event, listener) {
      const fn = listener as () => void;
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    async close() {
      watch?.close();
      listeners.clear();
      await keeper.flush();
    },
  };
}
