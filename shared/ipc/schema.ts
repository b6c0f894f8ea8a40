import * as v from 'valibot';
import { normaliseServer } from '../clock-server';
import { ALGORITHMS, OTP_TYPES } from '../otp-types';

/** A channel's arguments, in order; missing or extra arguments are refused. */
export const args = <const T extends v.TupleItems>(...items: T) =>
  v.strictTuple(items, `expected ${items.length} argument${items.length === 1 ? '' : 's'}`);

/**
 * What main does with a request while the app lock is locked: 'refuse' (every channel unless marked
 * otherwise: codes, seeds, names, settings) or 'answer' (what the unlock form and the banner need).
 */
export type WhileLocked = 'refuse' | 'answer';

/** A table entry over an arguments schema; `writes` when the request changes the account list. */
export const entry = <const A extends v.GenericSchema<unknown, unknown[]>>(args: A, writes: boolean) => ({
  /** The reply type (carried at compile time only). */
  returns: <R>() => ({ args, reply: undefined as R, writes, locked: 'refuse' as WhileLocked }),
});

/** Marks a table entry as answered while the app is locked (it shows no code, seed or name). */
export const answeredWhileLocked = <E extends { locked: WhileLocked }>(e: E): E => ({
  ...e,
  locked: 'answer',
});

/** A request that leaves the account list as it is (it may write other files: settings, backups). */
export const read = <const T extends v.TupleItems>(...items: T) => entry(args(...items), false);

/** A request that changes the account list: main remembers the list after it, to tell it from outside changes. */
export const write = <const T extends v.TupleItems>(...items: T) => entry(args(...items), true);

/** A pushed event whose listeners receive `T` (carried at compile time only). */
export const event = <T extends unknown[]>() => undefined as unknown as T;

/** Every member of a string union, from a record the compiler checks is complete. */
export const oneOf = <T extends string>(all: Record<T, true>) => v.picklist(Object.keys(all) as T[]);

/** Non-empty text of at most `max` characters; `what` says what was expected. */
export const text = (max: number, what: string) =>
  v.pipe(v.string(what), v.minLength(1, what), v.maxLength(max, what));

/** A whole number from `min` to `max`; `what` says what was expected. */
const whole = (min: number, max: number, what: string) =>
  v.pipe(v.number(what), v.integer(what), v.minValue(min, what), v.maxValue(max, what));

/** Seconds before a copied code is wiped: a whole number from 0 (never) to ten minutes. */
export const clearSeconds = whole(
  0,
  600,
  'Clipboard clearing must be a whole number of seconds from 0 (never) to 600',
);

/** The manual-entry form as typed: every field text but the type and algorithm (checked field by field later). */
export const draft = v.object(
  {
    ...v.entriesFromList(['issuer', 'account', 'secret', 'digits', 'period', 'counter'], v.string()),
    type: v.picklist(OTP_TYPES),
    algorithm: v.picklist(ALGORITHMS),
  },
  'expected the manual-entry form',
);

// ---- The clock and the lock ----

const SERVER = 'The time server must be a host name or IP address, with an optional :port (1–65535)';

/** A time server as `HOST[:PORT]`, passed on written one way (lower case, port 123 left out). */
export const clockServer = v.pipe(
  v.string(SERVER),
  v.maxLength(260, SERVER),
  v.check((text) => normaliseServer(text) !== null, SERVER),
  v.transform((text) => normaliseServer(text) ?? text),
);

/** Minutes without input before the app locks itself: 0 (never) to a day. */
export const autoLockMinutes = whole(
  0,
  1440,
  'Auto-lock must be a whole number of minutes from 0 (never) to 1440 (a day)',
);
