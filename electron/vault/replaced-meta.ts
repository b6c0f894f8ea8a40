import type { TokenParams } from '../../shared/otp-types';
import { MetadataProblem } from './metadata';

/** How long a replaced key stays restorable; after that `open()` deletes it. */
export const RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** A previous key of an account, kept in the keychain item `item` since `at` (ISO time). */
export interface ReplacedKey {
  item: string;
  at: string;
  params: TokenParams;
}

/**
 * A key swap in progress (intent recorded before the keychain is touched): `backup` is the new item
 * that will hold the current key, `params` the account's parameters after the swap, and for a restore
 * `from` is the replaced item whose key comes back. See replace-key.ts for the order of writes.
 */
export interface KeySwap {
  kind: 'replace' | 'restore';
  backup: string;
  at: string;
  params: TokenParams;
  from?: string;
}

/** The keychain item name for a key replaced at `atMs`: `<id>.replaced-<ms>` (never a UUID, so never an account id). */
export function replacedItemName(id: string, atMs: number, taken: readonly string[]): string {
  let name = `${id}.replaced-${atMs}`;
  for (let n = 2; taken.includes(name); n++) name = `${id}.replaced-${atMs}-${n}`;
  return name;
}

/** Every keychain item an entry owns besides its own (replaced keys and a swap's backup). */
export function extraItems(e: { replaced?: ReplacedKey[]; swap?: KeySwap }): string[] {
  return [...(e.replaced ?? []).map((r) => r.item), ...(e.swap ? [e.swap.backup] : [])];
}

/** On-disk form of the optional fields (counters as decimal strings). */
export function serializeExtras(e: { replaced?: ReplacedKey[]; swap?: KeySwap }): Record<string, unknown> {
  const params = (p: TokenParams) => ({ ...p, counter: p.counter.toString() });
  return {
    ...(e.replaced && e.replaced.length > 0
      ? { replaced: e.replaced.map((r) => ({ ...r, params: params(r.params) })) }
      : {}),
    ...(e.swap ? { swap: { ...e.swap, params: params(e.swap.params) } } : {}),
  };
}

/** Parses the optional fields of one account record; throws {@link MetadataProblem} when malformed. */
export function parseExtras(
  raw: Record<string, unknown>,
  where: string,
): { replaced?: ReplacedKey[]; swap?: KeySwap } {
  const out: { replaced?: ReplacedKey[]; swap?: KeySwap } = {};
  if (raw['replaced'] !== undefined) {
    if (!Array.isArray(raw['replaced']))
      throw new MetadataProblem(`${where} has a "replaced" that is not a list`);
    out.replaced = raw['replaced'].map((r: unknown) => {
      const o = record(r, where);
      return { item: text(o, 'item', where), at: text(o, 'at', where), params: params(o['params'], where) };
    });
  }
  if (raw['swap'] !== undefined) {
    const o = record(raw['swap'], where);
    const kind = text(o, 'kind', where);
    if (kind !== 'replace' && kind !== 'restore')
      throw new MetadataProblem(`${where} has an unknown key swap`);
    const from = o['from'] === undefined ? {} : { from: text(o, 'from', where) };
    out.swap = {
      kind,
      backup: text(o, 'backup', where),
      at: text(o, 'at', where),
      params: params(o['params'], where),
      ...from,
    };
  }
  return out;
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new MetadataProblem(`${where} has a malformed replaced key`);
  return v as Record<string, unknown>;
}

function text(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '')
    throw new MetadataProblem(`${where} has a replaced key without "${key}"`);
  return v;
}

function params(v: unknown, where: string): TokenParams {
  const o = record(v, where);
  const { type, algorithm, digits, period, counter } = o;
  const ok =
    (type === 'totp' || type === 'hotp' || type === 'steam') &&
    (algorithm === 'SHA1' || algorithm === 'SHA256' || algorithm === 'SHA512') &&
    typeof digits === 'number' &&
    typeof period === 'number' &&
    typeof counter === 'string' &&
    /^\d{1,20}$/u.test(counter);
  if (!ok) throw new MetadataProblem(`${where} has a replaced key with malformed parameters`);
  return { type, algorithm, digits, period, counter: BigInt(counter) };
}
