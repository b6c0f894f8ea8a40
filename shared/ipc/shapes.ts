import type { Account } from '../account';
import type { ErrorData } from '../errors';
import type { InferOutput } from 'valibot';
import type { draft } from './schema';
import type { AppExportFormat } from '../export-formats';
import type { Algorithm, OtpType } from '../otp-types';

/**
 * The shapes that cross IPC between the renderer and the main process: what requests carry and
 * what replies hold. The channels themselves, with their argument schemas, are in ipc/channels.ts.
 */

/** An account as the renderer sees it: bigint counter as a decimal string (crosses any transport). */
export type AccountView = Omit<Account, 'counter'> & { counter: string };

/** The code of one account at one instant. Computed in main; the renderer only displays it. */
export interface CodeSnapshot {
  id: string;
  /** Digits (or Steam letters), ungrouped. */
  code: string;
  /**
   * TOTP/Steam: the code's window in ms since the epoch on this computer's clock; null for HOTP.
   * With corrected time, main computes the code at the corrected instant and moves the window back
   * by the offset, so the countdown runs on the window's own clock.
   */
  validFromMs: number | null;
  validUntilMs: number | null;
  /** The code of the following period (TOTP/Steam), so the last seconds can show it. */
  nextCode: string | null;
}

/** Codes for many accounts at once, plus the accounts whose secret could not be read. */
export interface CodesResult {
  /** When the codes were computed, on this computer's clock. */
  atMs: number;
  codes: CodeSnapshot[];
  unavailable: Array<{ id: string; error: ErrorData }>;
}

/** What the manual-entry form sends: raw text as typed; main normalises and validates it. */
export type ManualDraft = InferOutput<typeof draft>;

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
] as const satisfies ReadonlyArray<keyof ManualDraft>;

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

/** Field-level validation of a draft, the code it would show now, and any duplicate or re-enrolled account. */
export interface DraftCheck {
  errors: Partial<Record<keyof ManualDraft, string>>;
  preview: CodeSnapshot | null;
  duplicateOf: AccountView | null;
  /** Accounts with the draft's issuer and account name but another key (empty when none). */
  newKeyFor: AccountView[];
}

/** "Replace its key": the incoming key becomes the current key of account `replace` (the old one kept 30 days). */
export interface KeyReplace {
  replace: string;
}

/** Where the vault stands: usable, or why not (locked/unavailable keychain, storage problems). */
export type VaultStatus = { ok: true; recovered: string[] } | { ok: false; error: ErrorData };

/** User preferences persisted by main (`settings.json`); each field's check and default are in ipc/settings-fields.ts. */
export interface Settings {
  /** Seconds after which a copied code is wiped from the clipboard if still there; 0 = never. */
  clearClipboardSeconds: number;
  /** Closing the window hides it to the tray (where there is one); without a tray closing quits. */
  closeToTray: boolean;
  /** Linux: the user sees Keyfob's tray icon although no tray host was detected on the session bus. */
  trayIconSeen: boolean;
  /** Keyfob starts when the user logs in. */
  startAtLogin: boolean;
  /** Keyfob starts with its window hidden in the tray (a link or a second launch still shows it). */
  startHidden: boolean;
  /** The global show/hide shortcut as an Electron accelerator ("CommandOrControl+Alt+K"); '' for none. */
  shortcut: string;
  /** Windows and macOS: keep the window out of screenshots and screen shares. */
  contentProtection: boolean;
  /** Codes stay blurred until the row is hovered or focused. */
  blurCodes: boolean;
  /** Account ids whose codes the tray menu copies, in menu order; at most 10. */
  pinned: string[];
  /** The time server asked for this computer's clock offset, as `HOST[:PORT]`. */
  clockServer: string;
  /** Compute every code at the corrected time (this clock plus the offset measured last). */
  useCorrectedTime: boolean;
  /** With a lock password: lock after this many minutes without input (0: never because of idle time). */
  autoLockMinutes: number;
  /** With a lock password: offer Touch ID on the unlock screen (macOS, where the Mac has it). */
  touchIdUnlock: boolean;
}

/** What main knows about this computer's clock, from the time server in the settings. */
export interface ClockStatus {
  /** The server asked, as `HOST[:PORT]`. */
  server: string;
  /**
   * The last valid answer of `server`, null until one came: `offsetMs` is the server's time minus
   * this clock's (positive: this clock is behind), `delayMs` the round trip taken out of it.
   */
  measurement: { offsetMs: number; delayMs: number; atMs: number } | null;
  /** Codes are computed at the corrected time right now (the setting is on and an offset is known). */
  corrected: boolean;
  /** The server asked Keyfob to stop (a Kiss-o'-Death, e.g. DENY); it is not asked again until the setting changes. */
  refusedCode: string | null;
}

/** The app lock as main holds it. Seeds and codes are refused while `locked`. */
export interface LockStatus {
  /** A lock password is set. */
  enabled: boolean;
  locked: boolean;
  /** Touch ID can unlock now (macOS, available, allowed in the settings, a password set). */
  touchId: boolean;
  /** This Mac can show the Touch ID prompt (whatever the setting says); false elsewhere. */
  touchIdPresent: boolean;
  /** After wrong passwords: ms until the next attempt is taken; 0 when one may be made now. */
  retryInMs: number;
}

/** The desktop families whose integration differs (tray, shortcuts, screen sharing). */
export type DesktopPlatform = 'mac' | 'windows' | 'linux';

/** Whether a desktop feature works here and, when it does not (or failed), a sentence saying why. */
export interface Facility {
  available: boolean;
  message: string | null;
}

/** What the Settings dialog says beside the values: what this desktop offers and what failed. */
export interface SettingsStatus {
  platform: DesktopPlatform;
  /** A tray (or menu-bar) icon the window can be closed to. */
  tray: Facility;
  /** The global shortcut as registered now (`available` false when registration failed). */
  shortcut: Facility;
  /** Hiding the window from screenshots and screen sharing. */
  contentProtection: Facility;
  startAtLogin: Facility;
  /** Set when settings.json was damaged and defaults are in use: what happened and what to do. */
  notice: string | null;
}

/**
 * Something main asks the window to do (from the tray, the global shortcut or an opened link). It
 * waits in main until the window takes it (`window:take-commands`): while Keyfob is locked or the
 * window has not rendered yet, it is carried out after the unlock or the first render.
 */
export type WindowCommand =
  | { kind: 'focus-search' }
  | { kind: 'settings' }
  /** A link or a tray screen scan left a step to show: the Scan dialog fetches it with `scan:opened`. */
  | { kind: 'scan' }
  /** The tray's screen scan, asked for while Keyfob was locked: the window runs `scan:screens` once open. */
  | { kind: 'scan-screen' }
  /** A tray action failed: the window shows this message. */
  | { kind: 'notice'; message: string };

/** What an opened link or a tray screen scan left for the Scan dialog: a sentence, and the step to show. */
export interface OpenedScan {
  message: string | null;
  step: ScanStep | null;
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
  /** An account already in the vault with the same issuer, account name and key. */
  duplicateOf: AccountView | null;
  /** Accounts with the same issuer and account name but another key: the service issued a new one. */
  newKeyFor: AccountView[];
}

/** What `scan:preview` found in the scanned texts: accounts to confirm, and entries that cannot be added. */
export interface ScanPreview {
  entries: ScanPreviewEntry[];
  problems: string[];
}

/**
 * What to do with one previewed entry: add it, skip it, update the existing account it duplicates,
 * keep both, or make it the new key of an account of its names.
 */
export type ScanDecision = 'add' | 'skip' | 'update' | 'keep-both' | KeyReplace;

/** What `scan:save` did. */
export interface ScanSaveResult {
  added: AccountView[];
  /** Existing accounts that took a duplicate's names and parameters. */
  updated: number;
  skipped: number;
  /** Accounts whose key was replaced (their previous key restorable for 30 days). */
  replaced: AccountView[];
}

// ---- Backups, import, export, replace key ----

/** One import format the user can pick, and whether the opened file would need a password as that format. */
export interface ImportFormatChoice {
  id: string;
  label: string;
  needsPassword: boolean;
}

/** A backup file chosen for import (bytes stay in main under `sessionId`): its format and whether it is encrypted. */
export interface ImportOpened {
  sessionId: string;
  fileName: string;
  /** The detected format; null when Keyfob could not recognise the file. */
  formatId: string | null;
  formatLabel: string;
  needsPassword: boolean;
  /** When detection was unsure or failed: every format to choose from (else empty). */
  formats: ImportFormatChoice[];
  /** Why the file was not recognised, when it was not. */
  unrecognised: string | null;
}

/** One entry of an import as the renderer sees it: names and type, never the secret. */
export interface ImportEntryView {
  source: string;
  issuer: string;
  account: string;
  type: OtpType | null;
  status: 'new' | 'duplicate' | 'new-key' | 'rejected';
  /** Duplicates: the stored account it repeats (replaceable), or null when it repeats an earlier entry of the file. */
  duplicateOf: AccountView | null;
  /** New keys: the accounts of the entry's names, each with another key (empty for other entries). */
  newKeyFor: AccountView[];
  /** Rejected: why. */
  message: string | null;
}

/** What to do with one previewed import entry (new entries: 'keep-both' adds, 'skip' leaves out; new keys may replace). */
export type ImportChoice = 'skip' | 'update' | 'keep-both' | KeyReplace;

/** What `backup:import-commit` did. */
export interface ImportSummary {
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** Accounts whose key was replaced (their previous key restorable for 30 days). */
  replaced: AccountView[];
  /** Entries that failed while saving, with the reason. */
  failed: Array<{ source: string; message: string }>;
  /** True when the user stopped the save (`backup:import-stop`) before every entry was saved. */
  stopped: boolean;
}

/** `backup:import-progress`: how far the save of import `sessionId` is (entries written of `total`). */
export interface ImportProgress {
  sessionId: string;
  done: number;
  total: number;
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
export interface NewKeyCheck {
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
