import type { Account } from './account';
import type { ErrorData } from './errors';
import type { AppExportFormat } from './export-formats';
import type { Algorithm, OtpType } from './otp-types';

/**
 * The one IPC contract between the renderer and the main process. Main handlers, the preload
 * bridge and the renderer's `window.keyfob` type are all derived from {@link IpcContract};
 * nothing else may name a channel.
 *
 * Seeds stay in main. Exactly two replies carry them to the renderer, drawn as QR images:
 * `accounts:show-qr` and `backup:transfer-codes`, and only after main asked the user with a native
 * dialog naming the accounts (a refusal answers null). Every other reply is seed-free.
 */

/** An account as the renderer sees it: bigint counter as a decimal string (crosses any transport). */
export type AccountView = Omit<Account, 'counter'> & { counter: string };

/** The code of one account at one instant. Computed in main; the renderer only displays it. */
export interface CodeSnapshot {
  id: string;
  /** Digits (or Steam letters), ungrouped. */
  code: string;
  /** TOTP/Steam: the code's window in ms since the epoch; null for HOTP. */
  validFromMs: number | null;
  validUntilMs: number | null;
  /** The code of the following period (TOTP/Steam), so the last seconds can show it. */
  nextCode: string | null;
}

/** Codes for many accounts at once, plus the accounts whose secret could not be read. */
export interface CodesResult {
  atMs: number;
  codes: CodeSnapshot[];
  unavailable: Array<{ id: string; error: ErrorData }>;
}

/** What the manual-entry form sends: raw text as typed; main normalises and validates it. */
export interface ManualDraft {
  issuer: string;
  account: string;
  secret: string;
  type: OtpType;
  algorithm: Algorithm;
  digits: string;
  period: string;
  counter: string;
}

/** The form's fields in the order they appear (the first invalid one gets focus). */
export const DRAFT_FIELDS = [
  'issuer',
  'account',
  'secret',
  'type',
  'algorithm',
  'digits',
  'period',
  'counter',
] as const satisfies readonly (keyof ManualDraft)[];

/** A blank form with the Key-Uri-Format defaults (TOTP, SHA1, 6 digits, 30 s). */
export const EMPTY_DRAFT: Readonly<ManualDraft> = {
  issuer: '',
  account: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

/** Field-level validation of a draft, the code it would show now, and any duplicate. */
export interface DraftCheck {
  errors: Partial<Record<keyof ManualDraft, string>>;
  preview: CodeSnapshot | null;
  duplicateOf: AccountView | null;
}

/** Where the vault stands: usable, or why not (locked/unavailable keychain, storage problems). */
export type VaultStatus = { ok: true; recovered: string[] } | { ok: false; error: ErrorData };

/** User preferences persisted by main. */
export interface Settings {
  /** Seconds after which a copied code is wiped from the clipboard if still there; 0 = never. */
  clearClipboardSeconds: number;
}

// ---- Adding accounts from QR codes ----

/** One account a scanned key URI or transfer set would add: its parameters and current code, never its seed. */
export interface ScanPreviewEntry {
  issuer: string;
  account: string;
  type: OtpType;
  algorithm: Algorithm;
  digits: number;
  period: number;
  /** HOTP counter as a decimal string. */
  counter: string;
  /** The code now (HOTP: at the counter), computed in main. */
  code: CodeSnapshot;
  /** An account already in the vault with the same key or label. */
  duplicateOf: AccountView | null;
}

/** What `scan:preview` found in the scanned texts: accounts to confirm, and entries that cannot be added. */
export interface ScanPreview {
  entries: ScanPreviewEntry[];
  problems: string[];
}

/** What to do with one previewed entry: skip it, replace its duplicate, or keep both. */
export type ScanDecision = 'add' | 'skip' | 'replace' | 'keep-both';

/** What `scan:save` did. */
export interface ScanSaveResult {
  added: AccountView[];
  replaced: number;
  skipped: number;
}

// ---- Backups, import, export, replace key ----

/** A backup file chosen for import (bytes stay in main under `sessionId`): its format and whether it is encrypted. */
export interface ImportOpened {
  sessionId: string;
  fileName: string;
  formatLabel: string;
  needsPassword: boolean;
}

/** One entry of an import as the renderer sees it: names and type, never the secret. */
export interface ImportEntryView {
  source: string;
  issuer: string;
  account: string;
  type: OtpType | null;
  status: 'new' | 'duplicate' | 'rejected';
  /** Duplicates: the stored account it repeats (replaceable), or null when it repeats an earlier entry of the file. */
  duplicateOf: AccountView | null;
  /** Rejected: why. */
  message: string | null;
}

/** What to do with one previewed import entry (new entries: 'keep-both' adds, 'skip' leaves out). */
export type ImportChoice = 'skip' | 'replace' | 'keep-both';

/** What `backup:import-commit` did. */
export interface ImportSummary {
  added: number;
  replaced: number;
  skipped: number;
  rejected: number;
  /** Entries that failed while saving, with the reason. */
  failed: Array<{ source: string; message: string }>;
}

/** The formats the app exports, from the one list of export formats. */
export type { AppExportFormat };

/** What `backup:export` wrote. */
export interface ExportSummary {
  fileName: string;
  count: number;
  atMs: number;
}

/** A new key typed for "Replace key…": the code it gives now (to compare with the site), or why it cannot be used. */
export interface ReplaceCheck {
  error: string | null;
  preview: CodeSnapshot | null;
}

/** "Show QR": the account's otpauth URI (its seed included) drawn as a QR image (a data: URL). */
export interface QrReveal {
  image: string;
}

/** "Transfer to Google Authenticator": migration QR images (≤ 10 accounts each, seeds included) and what Google cannot hold. */
export interface TransferCodes {
  images: string[];
  /** Accounts in the codes. */
  count: number;
  skipped: Array<{ name: string; message: string }>;
}

/** Where a Google Authenticator transfer stands after one of its codes was scanned. */
export interface TransferProgress {
  status: 'added' | 'duplicate' | 'refused';
  message: string;
  scanned: number;
  total: number;
  complete: boolean;
}

/**
 * What main made of one scanned QR text. The text (which may hold a seed) went to main once and
 * stays there: a `preview` describes what would be added (parameters and current codes only),
 * `scan:save` saves exactly that.
 */
export type ScanStep =
  | { kind: 'preview'; preview: ScanPreview }
  /** A transfer code: progress ("2 of 3 scanned — show code 3"), a refusal, or an empty export. */
  | { kind: 'transfer'; progress: TransferProgress }
  /** Not something Keyfob can add (a link, plain text, an invalid key): the message says what it held. */
  | { kind: 'other'; message: string };

/** What `scan:screens` found on the displays; the decoded text never leaves main. */
export interface ScreenScan {
  /** How many displays were captured (0 when capture is unavailable or not permitted). */
  displays: number;
  /** The display that held the code, or null when none did. */
  display: string | null;
  /** A sentence for the user: which display held the code, or why nothing was found. */
  message: string;
  /** What the code held, as for `scan:submit`; null when nothing was found. */
  step: ScanStep | null;
}

/** Every request the renderer can make: channel → (argument tuple) → result. */
export interface IpcContract {
  'vault:status': { args: []; result: VaultStatus };
  /** Re-open the vault (after the user unlocked the keychain). */
  'vault:retry': { args: []; result: VaultStatus };
  'accounts:list': { args: []; result: AccountView[] };
  'accounts:codes': { args: [ids?: string[]]; result: CodesResult };
  'accounts:check-draft': { args: [draft: ManualDraft]; result: DraftCheck };
  'accounts:add': { args: [draft: ManualDraft, opts: { allowDuplicate: boolean }]; result: AccountView };
  'accounts:rename': { args: [id: string, label: { issuer: string; account: string }]; result: AccountView };
  'accounts:remove': { args: [id: string]; result: null };
  'accounts:reorder': { args: [ids: string[]]; result: AccountView[] };
  /** HOTP: advance the counter durably and return the new code. */
  'accounts:hotp-next': { args: [id: string]; result: CodeSnapshot };
  /** Copy the account's current code (computed in main) to the clipboard. */
  'clipboard:copy-code': { args: [id: string]; result: { code: string; clearAfterSeconds: number } };
  'settings:get': { args: []; result: Settings };
  'settings:set': { args: [patch: Partial<Settings>]; result: Settings };
  // ---- QR scanning: a scanned text goes to main once; seeds never come back. ----
  /** One QR text decoded in the renderer's scan worker (webcam, file, drop, paste). */
  'scan:submit': { args: [text: string]; result: ScanStep };
  /** Captures every display (Keyfob's window hidden), decodes them in main, and takes the code as `scan:submit` would. */
  'scan:screens': { args: []; result: ScreenScan };
  /** The pending preview with codes recomputed now (the confirm step refreshes them); null when none. */
  'scan:pending': { args: []; result: ScanPreview | null };
  /** Saves the pending preview with one decision per entry (its order); then forgets it. */
  'scan:save': { args: [decisions: ScanDecision[]]; result: ScanSaveResult };
  /** Forgets the pending preview and any half-collected transfer. */
  'scan:reset': { args: []; result: null };
  // ---- Backups: file bytes and seeds stay in main; sessions are opaque ids, kept 5 minutes. ----
  /** Shows the open-file dialog and detects the chosen backup's format; null when cancelled. */
  'backup:import-open': { args: []; result: ImportOpened | null };
  /** Reads the opened backup (with its password when encrypted) and plans every entry. */
  'backup:import-read': { args: [sessionId: string, password: string | null]; result: ImportEntryView[] };
  /**
   * Saves the planned entries, one choice per entry in `backup:import-read`'s order, and ends the
   * session. When the keychain or the disk fails half-way the session stays: calling again saves
   * the rest, and the summary covers every attempt.
   */
  'backup:import-commit': { args: [sessionId: string, choices: ImportChoice[]]; result: ImportSummary };
  /** Forgets an import session without saving. */
  'backup:import-cancel': { args: [sessionId: string]; result: null };
  /** Shows the save dialog and writes every account there; null when cancelled. */
  'backup:export': { args: [format: AppExportFormat, password: string | null]; result: ExportSummary | null };
  /** Checks a new key (base32 or otpauth:// URI) for a row and previews its code; stores nothing. */
  'accounts:check-replace': { args: [id: string, key: string]; result: ReplaceCheck };
  /** Makes the new key current; the row keeps id, place and name; the old key is restorable for 30 days. */
  'accounts:replace': { args: [id: string, key: string]; result: AccountView };
  /** Swaps the previous key back in. */
  'accounts:restore': { args: [id: string]; result: AccountView };
  /** Asks with a native dialog, then the account's key as a QR image; null when the user refused. */
  'accounts:show-qr': { args: [id: string]; result: QrReveal | null };
  /**
   * The chosen accounts (by id) as Google Authenticator migration QR images, after a native dialog
   * naming them; null when the user refused. No confirmation (and no seed) when none can be transferred.
   */
  'backup:transfer-codes': { args: [ids: string[]]; result: TransferCodes | null };
  /** Whether to show the backup reminder: accounts changed since the last backup, not dismissed this week. */
  'backup:reminder': { args: []; result: { due: boolean } };
  /** Hides the backup reminder for a week. */
  'backup:reminder-dismiss': { args: []; result: null };
}

/** Pushed from main to the renderer. */
export interface IpcEvents {
  /** The account list changed outside this window (the CLI, another process). */
  'vault:changed': [];
}

export type Channel = keyof IpcContract;
export type ArgsOf<C extends Channel> = IpcContract[C]['args'];
export type ResultOf<C extends Channel> = IpcContract[C]['result'];

/** Every reply crosses IPC as data: a value, or a typed error with a human message. */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** The list of channels, for the preload to build its bridge and main to check registrations. */
export const CHANNELS = [
  'vault:status',
  'vault:retry',
  'accounts:list',
  'accounts:codes',
  'accounts:check-draft',
  'accounts:add',
  'accounts:rename',
  'accounts:remove',
  'accounts:reorder',
  'accounts:hotp-next',
  'clipboard:copy-code',
  'settings:get',
  'settings:set',
  // QR scanning
  'scan:submit',
  'scan:screens',
  'scan:pending',
  'scan:save',
  'scan:reset',
  // Backups
  'backup:import-open',
  'backup:import-read',
  'backup:import-commit',
  'backup:import-cancel',
  'backup:export',
  'accounts:check-replace',
  'accounts:replace',
  'accounts:restore',
  'accounts:show-qr',
  'backup:transfer-codes',
  'backup:reminder',
  'backup:reminder-dismiss',
] as const satisfies readonly Channel[];

/** The bridge the preload exposes as `window.keyfob`: one async function per channel. */
export type KeyfobBridge = {
  [C in Channel]: (...args: ArgsOf<C>) => Promise<IpcReply<ResultOf<C>>>;
} & {
  on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void;
};

/** The list of pushed events, for the preload (and the e2e harness) to accept only these. */
export const EVENTS = ['vault:changed'] as const satisfies readonly (keyof IpcEvents)[];
