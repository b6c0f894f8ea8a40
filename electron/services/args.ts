import { KeyfobError } from '../../shared/errors';
import type { ManualDraft } from '../../shared/ipc-contract';

/**
 * Runtime checks of what the renderer sends. The contract types the renderer's side, but a
 * compromised renderer can send anything, so main re-checks shapes before using them.
 */
function bad(what: string): KeyfobError {
  return new KeyfobError('invalid-input', `The request was malformed: ${what}.`);
}

/** An account id: a short non-empty string. */
export function idArg(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200)
    throw bad('expected an account id');
  return value;
}

/** A list of account ids without repeats. */
export function idsArg(value: unknown): string[] {
  if (!Array.isArray(value)) throw bad('expected a list of account ids');
  const ids = value.map(idArg);
  if (new Set(ids).size !== ids.length) throw bad('an account id appears twice');
  return ids;
}

/** A `{ issuer, account }` label. */
export function labelArg(value: unknown): { issuer: string; account: string } {
  const o = record(value, 'expected an issuer and an account name');
  if (typeof o.issuer !== 'string' || typeof o.account !== 'string')
    throw bad('expected issuer and account text');
  return { issuer: o.issuer, account: o.account };
}

/** A manual-entry draft: every field present as text (field-level validation happens later). */
export function draftArg(value: unknown): ManualDraft {
  const o = record(value, 'expected the manual-entry form');
  const keys = ['issuer', 'account', 'secret', 'type', 'algorithm', 'digits', 'period', 'counter'] as const;
  for (const key of keys) if (typeof o[key] !== 'string') throw bad(`the form field "${key}" is not text`);
  return o as unknown as ManualDraft;
}

/** The options of `accounts:add`. */
export function addOptionsArg(value: unknown): { allowDuplicate: boolean } {
  if (value === undefined) return { allowDuplicate: false };
  const o = record(value, 'expected add options');
  return { allowDuplicate: o.allowDuplicate === true };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(what);
  return value as Record<string, unknown>;
}
