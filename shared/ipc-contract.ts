import type { Account } from './account';
import type { ErrorData } from './errors';
import type { Algorithm, OtpType } from './otp-types';

/**
 * The one IPC contract between the renderer and the main process. Main handlers, the preload
 * bridge and the renderer's `window.keyfob` type are all derived from {@link IpcContract};
 * nothing else may name a channel. No type here ever carries a seed back to the renderer.
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
] as const satisfies readonly Channel[];

/** The bridge the preload exposes as `window.keyfob`: one async function per channel. */
export type KeyfobBridge = {
  [C in Channel]: (...args: ArgsOf<C>) => Promise<IpcReply<ResultOf<C>>>;
} & {
  on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void;
};

/** The list of pushed events, for the preload (and the e2e harness) to accept only these. */
export const EVENTS = ['vault:changed'] as const satisfies readonly (keyof IpcEvents)[];
