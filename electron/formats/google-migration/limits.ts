import { KeyfobError } from '../../../shared/errors';

// Bounds on Google Authenticator transfer codes, checked before any work that grows with what a
// code claims. Google Authenticator (and Aegis's compatible export) put 10 accounts in each code.

/** A Google Authenticator export has at most this many codes (`batch_size`). */
export const MAX_CODES_PER_EXPORT = 100;

/**
 * Most accounts one code may hold. A QR code carries at most 2,953 bytes; an account with a
 * 16-byte secret (RFC 4226's minimum) and no names takes 20 bytes of payload, so no scannable code
 * holds even 150 usable accounts.
 */
export const MAX_ACCOUNTS_PER_CODE = 200;

/**
 * Longest text read as a transfer code: one QR code's 2,953 bytes, even fully percent-encoded,
 * stays below this (and it is the most the app accepts as one scanned text).
 */
export const MAX_TRANSFER_TEXT = 16_384;

/** How many different exports one import or scan may collect at once. */
export const MAX_EXPORTS_PER_IMPORT = 50;

/** The error for a transfer code that cannot be part of a real export: `why` is a full sentence. */
export function invalidTransfer(why: string): KeyfobError {
  return new KeyfobError('invalid-input', `${why} It is not a valid export.`, 'uri');
}

/** Checks `batch_size` and `batch_index` as read (size 0 is an old single-code export). */
export function checkBatch(size: number, index: number): void {
  const n = (x: number) => x.toLocaleString('en-US');
  if (size < 0) throw invalidTransfer(`This transfer code says its export has ${n(size)} codes.`);
  const total = Math.max(size, 1);
  if (total > MAX_CODES_PER_EXPORT) {
    throw invalidTransfer(
      `This transfer code says it is part ${n(index + 1)} of ${n(total)}; ` +
        `a Google Authenticator export has at most ${MAX_CODES_PER_EXPORT} codes.`,
    );
  }
  if (index < 0 || index >= total) {
    throw invalidTransfer(
      `This transfer code says it is part ${n(index + 1)} of ${n(total)}, which cannot be.`,
    );
  }
}
