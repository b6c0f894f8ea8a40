import { KeyfobError } from '../../shared/errors';
import { DRAFT_FIELDS, EMPTY_DRAFT, type DraftCheck, type ManualDraft } from '../../shared/ipc/shapes';
import type { Token, TokenParams } from '../../shared/otp-types';
import { base32Decode, validateParams } from '../core';
import { fieldTitle } from '../core/input-error';

/** Field-level problems of a draft, keyed by the form field that shows them. */
export type DraftErrors = DraftCheck['errors'];

/** A parsed draft: the token when every field is valid, else the errors of every field at fault. */
export type ParsedDraft = { token: Token; errors: null } | { token: null; errors: DraftErrors };

/** Longest issuer or account name kept; longer text is almost certainly a paste gone wrong. */
export const MAX_LABEL_LENGTH = 256;

/** Core field names that are not form fields, mapped to the field that shows them. */
const FIELD_ALIASES: Record<string, keyof ManualDraft> = { label: 'account', name: 'account', uri: 'secret' };

/** The form field a {@link KeyfobError.field} belongs to (the secret box when it names none). */
export function draftField(field: string | undefined): keyof ManualDraft {
  const found = DRAFT_FIELDS.find((f) => f === field);
  return found ?? FIELD_ALIASES[field ?? ''] ?? 'secret';
}

/**
 * Turns what the user typed into a token, checking every field on its own so the form can show
 * all problems at once. Numbers are checked by the core's own rules (4–10 digits, …) by
 * validating each one against otherwise default parameters.
 */
export function parseDraft(draft: ManualDraft): ParsedDraft {
  const errors: DraftErrors = {};
  const attempt = <T>(fallbackField: keyof ManualDraft, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof KeyfobError)) throw error;
      const field = error.field === undefined ? fallbackField : draftField(error.field);
      errors[field] ??= error.message;
      return undefined;
    }
  };
  const issuer = attempt('issuer', () => label(draft.issuer, 'issuer'));
  const account = attempt('account', () => label(draft.account, 'account'));
  if (issuer === '' && account === '') {
    errors.account =
      'Enter an account name (for example your e-mail address) or an issuer, to tell codes apart.';
  }
  const secret = attempt('secret', () => base32Decode(text(draft.secret, 'secret'), 'secret'));
  const base = attempt('type', () => validateParams(defaults(draft)));
  const type = base?.type ?? 'totp';
  const check = <K extends keyof TokenParams>(field: K & keyof ManualDraft, value: () => TokenParams[K]) =>
    attempt(field, () => validateParams({ ...defaults(draft), type, [field]: value() })[field]);
  const algorithm = check('algorithm', () => text(draft.algorithm, 'algorithm') as TokenParams['algorithm']);
  const digits = type === 'steam' ? 5 : check('digits', () => whole(draft.digits, 'digits'));
  const period =
    type === 'hotp' || type === 'steam' ? 30 : check('period', () => whole(draft.period, 'period'));
  const counter =
    type === 'hotp' ? check('counter', () => BigInt(whole(draft.counter, 'counter', true))) : 0n;
  if (Object.keys(errors).length > 0 || secret === undefined) return { token: null, errors };
  const params = validateParams({
    type,
    algorithm: algorithm ?? 'SHA1',
    digits: digits ?? 6,
    period: period ?? 30,
    counter: counter ?? 0n,
  });
  return { token: { ...params, issuer: issuer ?? '', account: account ?? '', secret }, errors: null };
}

/** Checks an edited label by the same rules as the form (trimmed, not both empty); throws the field at fault. */
export function parseLabel(issuer: string, account: string): { issuer: string; account: string } {
  const parsed = parseDraft({ ...LABEL_ONLY, issuer, account });
  const message = parsed.errors?.issuer ?? parsed.errors?.account;
  if (message !== undefined) {
    throw new KeyfobError(
      'invalid-input',
      message,
      parsed.errors?.issuer !== undefined ? 'issuer' : 'account',
    );
  }
  return { issuer: issuer.trim(), account: account.trim() };
}

/** A valid draft apart from its label, for checking labels alone. */
const LABEL_ONLY: ManualDraft = { ...EMPTY_DRAFT, secret: 'AAAAAAAA' };

/** Like {@link parseDraft} but throws the first field error, for `accounts:add`. */
export function draftToToken(draft: ManualDraft): Token {
  const parsed = parseDraft(draft);
  if (parsed.token !== null) return parsed.token;
  const [field, message] = Object.entries(parsed.errors)[0] ?? ['secret', 'The account could not be read.'];
  throw new KeyfobError('invalid-input', message, field);
}

function defaults(draft: ManualDraft): TokenParams {
  return {
    type: text(draft.type, 'type') as TokenParams['type'],
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0n,
  };
}

function text(value: unknown, field: keyof ManualDraft): string {
  if (typeof value !== 'string')
    throw new KeyfobError('invalid-input', `${fieldTitle(field)} must be text.`, field);
  return value;
}

function label(value: unknown, field: 'issuer' | 'account'): string {
  const trimmed = text(value, field).trim();
  if ([...trimmed].length > MAX_LABEL_LENGTH) {
    throw new KeyfobError(
      'invalid-input',
      `${fieldTitle(field)} is longer than ${MAX_LABEL_LENGTH} characters.`,
      field,
    );
  }
  return trimmed;
}

/** Parses a whole decimal number as typed ("30", " 8 "); counters stay exact as a string for BigInt. */
function whole(value: unknown, field: keyof ManualDraft, big: true): string;
function whole(value: unknown, field: keyof ManualDraft): number;
function whole(value: unknown, field: keyof ManualDraft, big = false): number | string {
  const trimmed = text(value, field).trim();
  if (trimmed.length === 0)
    throw new KeyfobError('invalid-input', `${fieldTitle(field)} is empty; enter a whole number.`, field);
  if (!/^\d+$/u.test(trimmed)) {
    throw new KeyfobError(
      'invalid-input',
      `${fieldTitle(field)} must be a whole number (digits 0–9 only).`,
      field,
    );
  }
  return big ? trimmed : Number(trimmed);
}
