import * as v from 'valibot';
import type { ErrorData } from '../errors';
import { APP_EXPORT_FORMATS } from '../export-formats';
import type * as T from './shapes';
import { answeredWhileLocked, args, draft, entry, event, oneOf, read, text, write } from './schema';
import { EDITABLE_SETTINGS } from './settings-fields';

// The one table of IPC channels, CHANNELS below. Adding a channel takes two edits: its entry there,
// and its handler in the concern's file under electron/ipc/ (the compiler points at it).
//
// Argument schemas (valibot, no Node built-ins): a compromised renderer can send anything, so main
// checks shapes and bounds before any handler runs; what the user typed (a draft, a label, a key) is
// checked later, field by field, so the form can show each problem.
const id = text(200, 'expected an account id');
const ids = v.pipe(
  v.array(id, 'expected a list of account ids'),
  v.check((list) => new Set(list).size === list.length, 'an account id appears twice'),
);
const sessionId = text(200, 'expected an import session');
const password = v.nullable(v.string('expected a password'));
/** A format id the user chose for an import (main checks it names a format); null: detect it. */
const formatChoice = v.nullable(text(60, 'expected an import format id'));
const MAX_TEXT = 16_384; // a scanned code or a pasted key; a full Google transfer code is far shorter
const keyText = v.pipe(v.string('expected the new key as text'), v.maxLength(MAX_TEXT));
const label = v.object({ issuer: v.string(), account: v.string() }, 'expected an issuer and an account name');
const scanText = v.pipe(
  v.string('a scanned code is not text'),
  v.maxLength(MAX_TEXT, 'a scanned code is too long'),
  v.trim(),
  v.minLength(1, 'a scanned code is empty'),
);
// The lock's passwords: bounded, so a check's cost stays scrypt's, not the length's.
const lockPassword = v.pipe(v.string('expected a password'), v.maxLength(1024, 'the password is too long'));
const addOptions = v.object({ allowDuplicate: v.boolean() }, 'expected add options');
const settingsPatch = v.strictObject(
  Object.fromEntries(
    Object.entries(EDITABLE_SETTINGS).map(([key, schema]) => [key, v.exactOptional(schema)]),
  ) as {
    [K in keyof typeof EDITABLE_SETTINGS]: v.ExactOptionalSchema<(typeof EDITABLE_SETTINGS)[K], undefined>;
  },
  'expected only known settings',
);
const CHOICE = { skip: true, update: true, 'keep-both': true } as const;
const keyReplace = v.strictObject({ replace: id }, 'expected the account to give the new key');
const scanDecisions = v.array(
  v.union([oneOf<Exclude<T.ScanDecision, T.KeyReplace>>({ ...CHOICE, add: true }), keyReplace]),
  'expected one choice per account',
);
const importChoices = v.array(
  v.union([oneOf<Exclude<T.ImportChoice, T.KeyReplace>>(CHOICE), keyReplace]),
  'expected one choice per entry',
);
const exportFormat = v.picklist(
  APP_EXPORT_FORMATS.map((f) => f.id),
  'expected a format the app exports',
);

/**
 * Every request the renderer can make of main: its argument schemas, its reply type, and whether it
 * changes the account list (`write`: main then knows the list on disk is its own, to tell it from
 * another process's change) or not (`read`). The renderer's `window.keyfob` type, the preload's
 * channel list, main's argument checks and change detection all follow from this table.
 *
 * While the app lock is locked, main refuses every channel (error 'app-locked') except those marked
 * `answeredWhileLocked`: the vault's status and the lock's own channels.
 *
 * Seeds stay in main. Exactly two replies carry them to the renderer, drawn as QR images:
 * `accounts:show-qr` and `backup:transfer-codes`, and only after main asked the user with a native
 * dialog naming the accounts (a refusal answers null). Every other reply is seed-free.
 */
export const CHANNELS = {
  'vault:status': answeredWhileLocked(read().returns<T.VaultStatus>()),
  /** Re-open the vault (after the user unlocked the keychain). */
  'vault:retry': answeredWhileLocked(read().returns<T.VaultStatus>()),
  'accounts:list': read().returns<T.AccountView[]>(),
  /** Codes of every account, or of the listed ones. */
  'accounts:codes': entry(
    v.union([args(), args(ids)], 'expected nothing or a list of account ids'),
    false,
  ).returns<T.CodesResult>(),
  'accounts:check-draft': read(draft).returns<T.DraftCheck>(),
  'accounts:add': write(draft, addOptions).returns<T.AccountView>(),
  'accounts:rename': write(id, label).returns<T.AccountView>(),
  'accounts:remove': write(id).returns<null>(),
  'accounts:reorder': write(ids).returns<T.AccountView[]>(),
  /** HOTP: advance the counter durably and return the new code. */
  'accounts:hotp-next': write(id).returns<T.CodeSnapshot>(),
  /** Checks a new key (base32 or otpauth:// URI) for a row and previews its code; stores nothing. */
  'accounts:check-new-key': read(id, keyText).returns<T.NewKeyCheck>(),
  /** Makes the new key current; the row keeps id, place and name; the old key is restorable for 30 days. */
  'accounts:replace-key': write(id, keyText).returns<T.AccountView>(),
  /** The manual-entry form's key (and parameters) becomes the key of an account of the same names, as above. */
  'accounts:replace-key-with-draft': write(id, draft).returns<T.AccountView>(),
  /** Swaps the previous key back in. */
  'accounts:restore-key': write(id).returns<T.AccountView>(),
  /** Asks with a native dialog, then the account's key as a QR image; null when the user refused. */
  'accounts:show-qr': read(id).returns<T.QrReveal | null>(),
  /** Copy the account's current code (computed in main) to the clipboard. */
  'clipboard:copy-code': read(id).returns<{ code: string; clearAfterSeconds: number }>(),
  'settings:get': read().returns<T.Settings>(),
  /** Changes some settings (checked field by field); the reply is every setting as saved. */
  'settings:set': read(settingsPatch).returns<T.Settings>(),
  /** Pins an account to the tray menu (at most 10) or unpins it. */
  'settings:pin': read(id, v.boolean('expected pin or unpin')).returns<T.Settings>(),
  /** What the Settings dialog says beside the values: tray, shortcut, screen sharing, login, a damaged file. */
  'settings:status': read().returns<T.SettingsStatus>(),
  // ---- QR scanning: a scanned text goes to main once; seeds never come back. ----
  /** One QR text decoded in the renderer's scan worker (webcam, file, drop, paste). */
  'scan:submit': read(scanText).returns<T.ScanStep>(),
  /** Captures every display (Keyfob's window hidden), decodes them all at once in main's worker threads, and takes the code as `scan:submit` would. */
  'scan:screens': read().returns<T.ScreenScan>(),
  /** The pending preview with codes recomputed now (the confirm step refreshes them); null when none. */
  'scan:pending': read().returns<T.ScanPreview | null>(),
  /** Saves the pending preview with one decision per entry (its order); then forgets it. */
  'scan:save': write(scanDecisions).returns<T.ScanSaveResult>(),
  /** The pending key (one account) becomes the key of account `id`, whatever its names ("Replace key…" by scanning). */
  'scan:replace-key': write(id).returns<T.AccountView>(),
  /** Forgets the pending preview and any half-collected transfer. */
  'scan:reset': read().returns<null>(),
  /** What an opened otpauth link or the tray's screen scan left for the Scan dialog (taken once); null when nothing. */
  'scan:opened': read().returns<T.OpenedScan | null>(),
  // ---- Backups: file bytes and seeds stay in main; sessions are opaque ids, kept 5 minutes. ----
  /** Shows the open-file dialog and detects the chosen backup's format; null when cancelled. */
  'backup:import-open': read().returns<T.ImportOpened | null>(),
  /** Reads the opened backup (as the chosen format, with its password when encrypted) and plans every entry. */
  'backup:import-read': read(sessionId, password, formatChoice).returns<T.ImportEntryView[]>(),
  /**
   * Saves the planned entries, one choice per entry in `backup:import-read`'s order, and ends the
   * session. When the keychain or the disk fails half-way the session stays: calling again saves
   * the rest, and the summary covers every attempt.
   */
  'backup:import-commit': write(sessionId, importChoices).returns<T.ImportSummary>(),
  /**
   * Stops the save in progress of that import after the account being written; `backup:import-commit`
   * then answers with what was saved (`stopped`) and the session ends. Nothing to stop: nothing happens.
   */
  'backup:import-stop': read(sessionId).returns<null>(),
  /** Forgets an import session without saving. */
  'backup:import-cancel': read(sessionId).returns<null>(),
  /** Shows the save dialog and writes every account there; null when cancelled. */
  'backup:export': read(exportFormat, password).returns<T.ExportSummary | null>(),
  /**
   * The chosen accounts (by id) as Google Authenticator migration QR images, after a native dialog
   * naming them; null when the user refused. No confirmation (and no seed) when none can be transferred.
   */
  'backup:transfer-codes': read(ids).returns<T.TransferCodes | null>(),
  /** Whether to show the backup reminder: accounts changed since the last backup, not dismissed this week. */
  'backup:reminder': read().returns<{ due: boolean }>(),
  /** Hides the backup reminder for a week. */
  'backup:reminder-dismiss': read().returns<null>(),
  // ---- The clock and the lock ----
  /** This computer's clock as main measured it against the time server in the settings. */
  'clock:status': read().returns<T.ClockStatus>(),
  /** Whether a lock password is set and the app is locked; answered while locked (the unlock form asks). */
  'lock:status': answeredWhileLocked(read().returns<T.LockStatus>()),
  /** Unlocks with the password; wrong ones make the next attempt wait longer each time. */
  'lock:unlock': answeredWhileLocked(read(lockPassword).returns<T.LockStatus>()),
  /** Unlocks after the Touch ID prompt (macOS). */
  'lock:unlock-touch-id': answeredWhileLocked(read().returns<T.LockStatus>()),
  /** Locks now; nothing happens without a password. */
  'lock:lock': answeredWhileLocked(read().returns<T.LockStatus>()),
  /** Sets the lock password (current: null) or changes it (current required). */
  'lock:set-password': read(v.nullable(lockPassword), lockPassword).returns<T.LockStatus>(),
  /** Turns the lock off; the current password is required. */
  'lock:remove-password': read(lockPassword).returns<T.LockStatus>(),
  /** The user did something in the window: auto-lock counts idle time from here. */
  'lock:activity': read().returns<null>(),
  // ---- The desktop ----
  /** The commands waiting for the window (the tray's, the shortcut's, links'), in order; taken once. */
  'window:take-commands': read().returns<T.WindowCommand[]>(),
};

/** Pushed from main to the renderer, each with the arguments its listeners receive. */
export const EVENTS = {
  /** The account list changed outside this window (the CLI, another process). */
  'vault:changed': event<[]>(),
  /** The tray, the global shortcut or an opened link asks the window to do something: take it with `window:take-commands`. */
  'window:commands-waiting': event<[]>(),
  /** What main knows about the clock changed (a measurement, the settings). */
  'clock:changed': event<[T.ClockStatus]>(),
  /** The app locked or unlocked, or its password was set or removed. */
  'lock:changed': event<[T.LockStatus]>(),
  /** An import's save moved on (`backup:import-commit` in progress). */
  'backup:import-progress': event<[T.ImportProgress]>(),
};

export type Channel = keyof typeof CHANNELS;
/** A channel's arguments as the renderer passes them. */
export type ArgsOf<C extends Channel> = v.InferInput<(typeof CHANNELS)[C]['args']>;
/** A channel's arguments as its handler receives them, after the check. */
export type CheckedArgsOf<C extends Channel> = v.InferOutput<(typeof CHANNELS)[C]['args']>;
export type ResultOf<C extends Channel> = (typeof CHANNELS)[C]['reply'];
/** Main's handler of every channel: checked, typed arguments in; the reply value out, or a thrown KeyfobError. */
export type ChannelHandlers = { [C in Channel]: (...args: CheckedArgsOf<C>) => Promise<ResultOf<C>> };
export type IpcEvents = typeof EVENTS;

/** Every reply crosses IPC as data: a value, or a typed error with a human message. */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** The bridge the preload exposes as `window.keyfob`: one async function per channel, and `on()` for events. */
export type KeyfobBridge = {
  [C in Channel]: (...args: ArgsOf<C>) => Promise<IpcReply<ResultOf<C>>>;
} & {
  on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void;
};

/** The names the preload builds its bridge from (written into its bundle at build time). */
export const IPC_NAMES = {
  channels: Object.keys(CHANNELS) as Channel[],
  events: Object.keys(EVENTS) as Array<keyof IpcEvents>,
};
