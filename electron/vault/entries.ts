import type { Account } from '../../shared/account';
import { KeyfobError } from '../../shared/errors';
import type { Entry } from './metadata';
import { RESTORE_WINDOW_MS } from './replaced-keys';

/** The listed (active) accounts, numbered densely in file order. */
export function listed(entries: readonly Entry[]): Account[] {
  return entries.filter((e) => e.state === 'active').map((e, order) => strip(e, order));
}

/** One entry as an account, with its position among the listed ones. */
export function toAccount(entries: readonly Entry[], e: Entry): Account {
  const order = entries.filter((x) => x.state === 'active').findIndex((x) => x.id === e.id);
  return strip(e, Math.max(order, 0));
}

/** The active entry with this id, or a `not-found` error. */
export function active(entries: readonly Entry[], id: string): Entry {
  const e = entries.find((x) => x.id === id && x.state === 'active');
  if (e === undefined) throw notFound(id);
  return e;
}

/** The error for an id no listed account has. */
export function notFound(id: string): KeyfobError {
  return new KeyfobError('not-found', `No account with id ${id}.`, 'id');
}

/** A copy of `entries` with the entry of the same id replaced. */
export function withEntry(entries: readonly Entry[], next: Entry): Entry[] {
  return entries.map((e) => (e.id === next.id ? next : e));
}

function strip(e: Entry, order: number): Account {
  const { state: _state, replaced, swap: _swap, ...rest } = e;
  const last = replaced?.[replaced.length - 1];
  if (last === undefined) return { ...rest, order };
  const until = new Date(Date.parse(last.at) + RESTORE_WINDOW_MS).toISOString();
  return { ...rest, order, replacedKey: { replacedAt: last.at, restorableUntil: until } };
}
