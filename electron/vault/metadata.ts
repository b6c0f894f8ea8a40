import type { Account } from '../../shared/account';
import type { Algorithm, OtpType } from '../../shared/otp-types';
import { parseExtras, serializeExtras, type KeySwap, type ReplacedKey } from './replaced-meta';

/** The on-disk schema version this code reads and writes. */
export const METADATA_VERSION = 1;

/**
 * Where an account is in its life: `pending` = intent recorded, keychain write not confirmed;
 * `deleting` = removal decided, keychain item maybe still there. Only `active` ones are listed.
 */
export type EntryState = 'active' | 'pending' | 'deleting';

/** One account in the metadata file; `order` there is the position in the file. */
export interface Entry extends Omit<Account, 'order' | 'replacedKey'> {
  state: EntryState;
  /** Previous keys kept after "Replace key", oldest first (see replace-key.ts). */
  replaced?: ReplacedKey[];
  /** A key swap whose keychain writes may be unfinished (see replace-key.ts). */
  swap?: KeySwap;
}

/** Why a metadata file can't be read; the vault turns it into a user-facing error. */
export class MetadataProblem extends Error {
  constructor(
    message: string,
    /** True when a newer Keyfob wrote the file: not damage, just not ours to touch. */
    readonly newer = false,
  ) {
    super(message);
  }
}

const TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];
const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const STATES: readonly EntryState[] = ['active', 'pending', 'deleting'];
const MAX_COUNTER = 2n ** 64n - 1n;

/** Serialises entries as `{ "version": 1, "accounts": [...] }` (counter as a decimal string). */
export function serializeMetadata(entries: readonly Entry[]): string {
  const accounts = entries.map((e, order) => ({
    id: e.id,
    state: e.state,
    issuer: e.issuer,
    account: e.account,
    type: e.type,
    algorithm: e.algorithm,
    digits: e.digits,
    period: e.period,
    counter: e.counter.toString(),
    order,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ...serializeExtras(e),
  }));
  return `${JSON.stringify({ version: METADATA_VERSION, accounts }, null, 2)}\n`;
}

/** Parses and checks a metadata file's text; throws {@link MetadataProblem} saying what is wrong. */
export function parseMetadata(text: string): Entry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new MetadataProblem(`it is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(doc)) throw new MetadataProblem('it is not a JSON object');
  if (typeof doc.version === 'number' && doc.version > METADATA_VERSION) {
    throw new MetadataProblem(`it was written by a newer Keyfob (format version ${doc.version})`, true);
  }
  if (doc.version !== METADATA_VERSION) throw new MetadataProblem(`its "version" is not ${METADATA_VERSION}`);
  if (!Array.isArray(doc.accounts)) throw new MetadataProblem('its "accounts" is not a list');
  const rows = doc.accounts.map((raw: unknown, i: number) => parseEntry(raw, i));
  const ids = new Set<string>();
  for (const { entry } of rows) {
    if (ids.has(entry.id)) throw new MetadataProblem(`the id ${entry.id} appears twice`);
    ids.add(entry.id);
  }
  // A stable sort on "order" tolerates hand edits; positions are renumbered on the next write.
  return rows.sort((a, b) => a.order - b.order).map((r) => r.entry);
}

function parseEntry(raw: unknown, i: number): { entry: Entry; order: number } {
  const where = `account #${i + 1}`;
  if (!isObject(raw)) throw new MetadataProblem(`${where} is not an object`);
  const str = (key: string): string => {
    const v = raw[key];
    if (typeof v !== 'string') throw new MetadataProblem(`${where} has no text "${key}"`);
    return v;
  };
  const int = (key: string): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new MetadataProblem(`${where} has no whole number "${key}"`);
    }
    return v;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T => {
    const v = str(key);
    if (!(allowed as readonly string[]).includes(v))
      throw new MetadataProblem(`${where} has an unknown "${key}"`);
    return v as T;
  };
  const counterText = str('counter');
  if (!/^\d{1,20}$/.test(counterText) || BigInt(counterText) > MAX_COUNTER) {
    throw new MetadataProblem(`${where} has a "counter" that is not a decimal number below 2^64`);
  }
  const id = str('id');
  if (id === '') throw new MetadataProblem(`${where} has an empty "id"`);
  const entry: Entry = {
    id,
    state: oneOf('state', STATES),
    issuer: str('issuer'),
    account: str('account'),
    type: oneOf('type', TYPES),
    algorithm: oneOf('algorithm', ALGORITHMS),
    digits: int('digits'),
    period: int('period'),
    counter: BigInt(counterText),
    createdAt: str('createdAt'),
    updatedAt: str('updatedAt'),
    ...parseExtras(raw, where),
  };
  return { entry, order: int('order') };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "Issuer: account" (or whichever is present), for messages; never the secret. */
export function entryName(e: { issuer: string; account: string }): string {
  if (e.issuer && e.account) return `${e.issuer}: ${e.account}`;
  return e.issuer || e.account || '(unnamed)';
}
