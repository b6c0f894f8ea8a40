import { KeyfobError } from '../../shared/errors';

/**
 * The most accounts one import reads. A person's authenticator holds tens to hundreds of accounts;
 * ten thousand leaves room for a support desk's bulk import while a hostile or broken file cannot
 * make Keyfob build, compare and store hundreds of thousands of entries.
 */
export const MAX_IMPORT_ENTRIES = 10_000;

/** Largest file Keyfob reads as a backup (real ones are a few hundred KB). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** How many problems a message lists by name before it says "and N more". */
export const MAX_LISTED = 10;

/** Throws when `count` entries are more than one import reads; `what` names them ("This Aegis backup"). */
export function checkEntryCount(what: string, count: number): void {
  if (count > MAX_IMPORT_ENTRIES) throw tooManyEntries(what, count);
}

/** The error for an import with more than {@link MAX_IMPORT_ENTRIES} accounts (`count` when known). */
export function tooManyEntries(what: string, count?: number): KeyfobError {
  const most = MAX_IMPORT_ENTRIES.toLocaleString('en-US');
  const holds = count === undefined ? `more than ${most}` : count.toLocaleString('en-US');
  return new KeyfobError(
    'invalid-input',
    `${what} holds ${holds} accounts; Keyfob imports at most ${most} at a time. ` +
      'Split it into smaller files and import them one by one.',
  );
}

/** "1, 2, 3 and 4" — at most {@link MAX_LISTED} items named, then "and N more". */
export function listSome(items: readonly string[], max = MAX_LISTED): string {
  if (items.length <= 1) return items.join('');
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
