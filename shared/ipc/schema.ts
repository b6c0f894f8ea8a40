import * as v from 'valibot';
import type { AppExportFormat, ImportChoice, ManualDraft, ScanDecision, Settings } from '../ipc-contract';
import type { Algorithm, OtpType } from '../otp-types';

/**
 * The argument schemas of the channel table (valibot: no Node built-ins, so it runs in main and
 * could run in the renderer alike). Main checks every request from the renderer against them; a
 * compromised renderer can send anything, so shapes and bounds are checked before any handler runs.
 */

/** A value that exists only to carry a type through the table (a reply's or an event's). */
export const typeOnly = <T>(): T => undefined as T;

/** A channel's arguments, in order; missing or extra arguments are refused. */
export const args = <const T extends v.TupleItems>(...items: T) =>
  v.strictTuple(items, `expected ${items.length} argument${items.length === 1 ? '' : 's'}`);

/** Every member of a string union, from a record the compiler checks is complete. */
const members = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];

/** Non-empty text of at most `max` characters; `what` says what was expected. */
const text = (max: number, what: string) =>
  v.pipe(v.string(what), v.minLength(1, what), v.maxLength(max, what));

/** An account id. */
export const id = text(200, 'expected an account id');

/** A list of account ids without repeats. */
export const ids = v.pipe(
  v.array(id, 'expected a list of account ids'),
  v.check((list) => new Set(list).size === list.length, 'an account id appears twice'),
);

/** An import session's id (opaque; the session itself stays in main). */
export const sessionId = text(200, 'expected an import session');

/** A password, or null for none. */
export const password = v.nullable(v.string('expected a password'));

/** A `{ issuer, account }` label (trimmed and checked later, field by field). */
export const label = v.object(
  { issuer: v.string('expected issuer text'), account: v.string('expected account text') },
  'expected an issuer and an account name',
);

/** The manual-entry form: every field as typed (validated field by field later, to show each problem). */
export const draft = v.object(
  {
    issuer: v.string(),
    account: v.string(),
    secret: v.string(),
    type: v.picklist(members<OtpType>({ totp: true, hotp: true, steam: true })),
    algorithm: v.picklist(members<Algorithm>({ SHA1: true, SHA256: true, SHA512: true })),
    digits: v.string(),
    period: v.string(),
    counter: v.string(),
  } satisfies Record<keyof ManualDraft, v.GenericSchema>,
  'expected the manual-entry form',
);

/** The options of `accounts:add`. */
export const addOptions = v.object({ allowDuplicate: v.boolean() }, 'expected add options');

/** Longest clipboard delay accepted: ten minutes; 0 means never clear. */
export const MAX_CLEAR_SECONDS = 600;

const CLEAR_SECONDS = `Clipboard clearing must be a whole number of seconds from 0 (never) to ${MAX_CLEAR_SECONDS}`;

/** Seconds before a copied code is wiped: a whole number from 0 (never) to ten minutes. */
export const clearSeconds = v.pipe(
  v.number(CLEAR_SECONDS),
  v.integer(CLEAR_SECONDS),
  v.minValue(0, CLEAR_SECONDS),
  v.maxValue(MAX_CLEAR_SECONDS, CLEAR_SECONDS),
);

/** A settings change: only known settings, each in range. */
export const settingsPatch = v.strictObject(
  { clearClipboardSeconds: v.exactOptional(clearSeconds) } satisfies Record<keyof Settings, v.GenericSchema>,
  'expected only known settings',
);

/** Longest scanned text accepted (a full Google transfer code is far shorter). */
const MAX_SCAN_TEXT = 16_384;

/** One scanned QR text: bounded, not blank; trimmed. */
export const scanText = v.pipe(
  v.string('a scanned code is not text'),
  v.maxLength(MAX_SCAN_TEXT, 'a scanned code is too long'),
  v.trim(),
  v.minLength(1, 'a scanned code is empty'),
);

/** One decision per previewed scan entry. */
export const scanDecisions = v.array(
  v.picklist(members<ScanDecision>({ add: true, skip: true, replace: true, 'keep-both': true })),
  'expected one choice per account',
);

/** One choice per planned import entry. */
export const importChoices = v.array(
  v.picklist(members<ImportChoice>({ skip: true, replace: true, 'keep-both': true })),
  'expected one choice per entry',
);

/** A format the app exports. */
export const exportFormat = v.picklist(
  members<AppExportFormat>({ 'aegis-encrypted': true, aegis: true, otpauth: true }),
  'unknown export format',
);

/** A new key as typed (a base32 secret or an otpauth:// URI; checked later with field messages). */
export const keyText = v.pipe(v.string('expected the new key as text'), v.maxLength(MAX_SCAN_TEXT));
