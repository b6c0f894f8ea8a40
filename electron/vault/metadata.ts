import type { Account } from '../../shared/account';
import { ALGORITHMS, OTP_TYPES, type TokenParams } from '../../shared/otp-types';
import { MAX_COUNTER } from '../core';
import type { KeySwap, ReplacedKey } from './replaced-keys';

/** The on-disk schema version this code reads and writes. */
export const METADATA_VERSION = 1;

const STATES = ['active', 'pending', 'deleting'] as const;

/**
 * Where an account is in its life: `pending` = intent recorded, keychain write not confirmed;
 * `deleting` = removal decided, keychain item maybe still there. Only `active` ones are listed.
 */
export type EntryState = (typeof STATES)[number];

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

/** Parameters as stored: the counter as a decimal string, exact beyond 2^53. */
const paramsOnDisk = (p: TokenParams) => ({ ...p, counter: p.counter.toString() });

/** Serialises entries as `{ "version": 1, "accounts": [...] }` (counters as decimal strings). */
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
    ...(e.replaced && e.replaced.length > 0
      ? { replaced: e.replaced.map((r) => ({ ...r, params: paramsOnDisk(r.params) })) }
      : {}),
    ...(e.swap ? { swap: { ...e.swap, params: paramsOnDisk(e.swap.params) } } : {}),
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
  const rows = doc.accounts.map((raw: unknown, i: number) => parseEntry(raw, `account #${i + 1}`));
  const ids = new Set<string>();
  for (const { entry } of rows) {
    if (ids.has(entry.id)) throw new MetadataProblem(`the id ${entry.id} appears twice`);
    ids.add(entry.id);
  }
  // A stable sort on "order" tolerates hand edits; positions are renumbered on the next write.
  return rows.sort((a, b) => a.order - b.order).map((r) => r.entry);
}

function parseEntry(raw: unknown, where: string): { entry: Entry; order: number } {
  const f = fields(raw, where);
  const entry: Entry = {
    id: f.text('id', true),
    state: f.oneOf('state', STATES),
    issuer: f.text('issuer'),
    account: f.text('account'),
    ...f.params(),
    createdAt: f.text('createdAt'),
    updatedAt: f.text('updatedAt'),
  };
  const replaced = f.raw['replaced'];
  if (replaced !== undefined) {
    if (!Array.isArray(replaced)) throw new MetadataProblem(`${where} has a "replaced" that is not a list`);
    entry.replaced = replaced.map((r: unknown, i: number) => {
      const k = fields(r, `${where}'s replaced key #${i + 1}`);
      return { item: k.text('item', true), at: k.text('at', true), params: k.nested('params').params() };
    });
  }
  if (f.raw['swap'] !== undefined) {
    const s = f.nested('swap');
    const from = s.raw['from'] === undefined ? {} : { from: s.text('from', true) };
    const kind = s.oneOf('kind', ['replace', 'restore'] as const);
    entry.swap = {
      kind,
      backup: s.text('backup', true),
      at: s.text('at', true),
      params: s.nested('params').params(),
      ...from,
    };
  }
  return { entry, order: f.whole('order') };
}

/** Reads the fields of one record of the file; every problem names `where` and the field. */
function fields(raw: unknown, where: string) {
  if (!isObject(raw)) throw new MetadataProblem(`${where} is not an object`);
  const text = (key: string, nonEmpty = false): string => {
    const v = raw[key];
    if (typeof v !== 'string') throw new MetadataProblem(`${where} has no text "${key}"`);
    if (nonEmpty && v === '') throw new MetadataProblem(`${where} has an empty "${key}"`);
    return v;
  };
  const whole = (key: string): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new MetadataProblem(`${where} has no whole number "${key}"`);
    }
    return v;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T => {
    const v = text(key);
    if (!(allowed as readonly string[]).includes(v))
      throw new MetadataProblem(`${where} has an unknown "${key}"`);
    return v as T;
  };
  const params = (): TokenParams => {
    const counter = text('counter');
    if (!/^\d{1,20}$/u.test(counter) || BigInt(counter) > MAX_COUNTER) {
      throw new MetadataProblem(`${where} has a "counter" that is not a decimal number below 2^64`);
    }
    return {
      type: oneOf('type', OTP_TYPES),
      algorithm: oneOf('algorithm', ALGORITHMS),
      digits: whole('digits'),
      period: whole('period'),
      counter: BigInt(counter),
    };
  };
  const nested = (key: string) => fields(raw[key], `${where}'s "${key}"`);
  return { raw, text, whole, oneOf, params, nested };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
