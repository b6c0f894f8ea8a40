import * as v from 'valibot';
import type { ErrorData } from '../errors';
import type {
  AccountView,
  CodeSnapshot,
  CodesResult,
  DraftCheck,
  ExportSummary,
  ImportEntryView,
  ImportOpened,
  ImportSummary,
  QrReveal,
  ReplaceCheck,
  ScanPreview,
  ScanSaveResult,
  ScanStep,
  ScreenScan,
  Settings,
  TransferCodes,
  VaultStatus,
} from '../ipc-contract';
import * as s from './schema';

/**
 * Every request the renderer can make of main, declared once. Each entry holds its argument
 * schemas (checked in main before any handler runs), its reply type, and whether it writes the
 * account list (so main can tell its own writes from another process's). The renderer's
 * `window.keyfob` type, the preload's channel list, main's argument checks and change detection
 * all follow from this table.
 *
 * Adding a channel takes two edits: its entry here, and its handler in the concern's file under
 * electron/ipc/ (the compiler points at the missing handler).
 *
 * Seeds stay in main. Exactly two replies carry them to the renderer, drawn as QR images:
 * `accounts:show-qr` and `backup:transfer-codes`, and only after main asked the user with a native
 * dialog naming the accounts (a refusal answers null). Every other reply is seed-free.
 */
export const CHANNELS = {
  'vault:status': { args: s.args(), reply: s.typeOnly<VaultStatus>(), writes: false },
  /** Re-open the vault (after the user unlocked the keychain). */
  'vault:retry': { args: s.args(), reply: s.typeOnly<VaultStatus>(), writes: false },
  'accounts:list': { args: s.args(), reply: s.typeOnly<AccountView[]>(), writes: false },
  /** Codes of every account, or of the listed ones. */
  'accounts:codes': {
    args: v.union([s.args(), s.args(s.ids)], 'expected nothing or a list of account ids'),
    reply: s.typeOnly<CodesResult>(),
    writes: false,
  },
  'accounts:check-draft': { args: s.args(s.draft), reply: s.typeOnly<DraftCheck>(), writes: false },
  'accounts:add': { args: s.args(s.draft, s.addOptions), reply: s.typeOnly<AccountView>(), writes: true },
  'accounts:rename': { args: s.args(s.id, s.label), reply: s.typeOnly<AccountView>(), writes: true },
  'accounts:remove': { args: s.args(s.id), reply: s.typeOnly<null>(), writes: true },
  'accounts:reorder': { args: s.args(s.ids), reply: s.typeOnly<AccountView[]>(), writes: true },
  /** HOTP: advance the counter durably and return the new code. */
  'accounts:hotp-next': { args: s.args(s.id), reply: s.typeOnly<CodeSnapshot>(), writes: true },
  /** Checks a new key (base32 or otpauth:// URI) for a row and previews its code; stores nothing. */
  'accounts:check-replace': {
    args: s.args(s.id, s.keyText),
    reply: s.typeOnly<ReplaceCheck>(),
    writes: false,
  },
  /** Makes the new key current; the row keeps id, place and name; the old key is restorable for 30 days. */
  'accounts:replace': { args: s.args(s.id, s.keyText), reply: s.typeOnly<AccountView>(), writes: true },
  /** Swaps the previous key back in. */
  'accounts:restore': { args: s.args(s.id), reply: s.typeOnly<AccountView>(), writes: true },
  /** Asks with a native dialog, then the account's key as a QR image; null when the user refused. */
  'accounts:show-qr': { args: s.args(s.id), reply: s.typeOnly<QrReveal | null>(), writes: false },
  /** Copy the account's current code (computed in main) to the clipboard. */
  'clipboard:copy-code': {
    args: s.args(s.id),
    reply: s.typeOnly<{ code: string; clearAfterSeconds: number }>(),
    writes: false,
  },
  'settings:get': { args: s.args(), reply: s.typeOnly<Settings>(), writes: false },
  'settings:set': { args: s.args(s.settingsPatch), reply: s.typeOnly<Settings>(), writes: false },
  // ---- QR scanning: a scanned text goes to main once; seeds never come back. ----
  /** One QR text decoded in the renderer's scan worker (webcam, file, drop, paste). */
  'scan:submit': { args: s.args(s.scanText), reply: s.typeOnly<ScanStep>(), writes: false },
  /** Captures every display (Keyfob's window hidden), decodes them in main, and takes the code as `scan:submit` would. */
  'scan:screens': { args: s.args(), reply: s.typeOnly<ScreenScan>(), writes: false },
  /** The pending preview with codes recomputed now (the confirm step refreshes them); null when none. */
  'scan:pending': { args: s.args(), reply: s.typeOnly<ScanPreview | null>(), writes: false },
  /** Saves the pending preview with one decision per entry (its order); then forgets it. */
  'scan:save': { args: s.args(s.scanDecisions), reply: s.typeOnly<ScanSaveResult>(), writes: true },
  /** Forgets the pending preview and any half-collected transfer. */
  'scan:reset': { args: s.args(), reply: s.typeOnly<null>(), writes: false },
  // ---- Backups: file bytes and seeds stay in main; sessions are opaque ids, kept 5 minutes. ----
  /** Shows the open-file dialog and detects the chosen backup's format; null when cancelled. */
  'backup:import-open': { args: s.args(), reply: s.typeOnly<ImportOpened | null>(), writes: false },
  /** Reads the opened backup (with its password when encrypted) and plans every entry. */
  'backup:import-read': {
    args: s.args(s.sessionId, s.password),
    reply: s.typeOnly<ImportEntryView[]>(),
    writes: false,
  },
  /**
   * Saves the planned entries, one choice per entry in `backup:import-read`'s order, and ends the
   * session. When the keychain or the disk fails half-way the session stays: calling again saves
   * the rest, and the summary covers every attempt.
   */
  'backup:import-commit': {
    args: s.args(s.sessionId, s.importChoices),
    reply: s.typeOnly<ImportSummary>(),
    writes: true,
  },
  /** Forgets an import session without saving. */
  'backup:import-cancel': { args: s.args(s.sessionId), reply: s.typeOnly<null>(), writes: false },
  /** Shows the save dialog and writes every account there; null when cancelled. */
  'backup:export': {
    args: s.args(s.exportFormat, s.password),
    reply: s.typeOnly<ExportSummary | null>(),
    writes: false,
  },
  /**
   * The chosen accounts (by id) as Google Authenticator migration QR images, after a native dialog
   * naming them; null when the user refused. No confirmation (and no seed) when none can be transferred.
   */
  'backup:transfer-codes': { args: s.args(s.ids), reply: s.typeOnly<TransferCodes | null>(), writes: false },
  /** Whether to show the backup reminder: accounts changed since the last backup, not dismissed this week. */
  'backup:reminder': { args: s.args(), reply: s.typeOnly<{ due: boolean }>(), writes: false },
  /** Hides the backup reminder for a week. */
  'backup:reminder-dismiss': { args: s.args(), reply: s.typeOnly<null>(), writes: false },
};

/** Pushed from main to the renderer, each with the arguments its listeners receive. */
export const EVENTS = {
  /** The account list changed outside this window (the CLI, another process). */
  'vault:changed': s.typeOnly<[]>(),
};

export type Channel = keyof typeof CHANNELS;
/** A channel's arguments as the renderer passes them. */
export type ArgsOf<C extends Channel> = v.InferInput<(typeof CHANNELS)[C]['args']>;
/** A channel's arguments as its handler receives them, after the check. */
export type CheckedArgsOf<C extends Channel> = v.InferOutput<(typeof CHANNELS)[C]['args']>;
export type ResultOf<C extends Channel> = (typeof CHANNELS)[C]['reply'];
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
  events: Object.keys(EVENTS) as (keyof IpcEvents)[],
};
