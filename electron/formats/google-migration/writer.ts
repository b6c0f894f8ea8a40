import { base64Encode } from '@bufbuild/protobuf/wire';
import { accountName } from '../../../shared/account-name';
import { KeyfobError } from '../../../shared/errors';
import type { Token } from '../../../shared/otp-types';
import { encodeMigrationPayload, type OtpParametersWire } from './payload';

/** Google Authenticator puts at most this many accounts in one transfer QR code. */
export const MIGRATION_ENTRIES_PER_CODE = 10;

const ALGORITHM_WIRE = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Why Google Authenticator's transfer format cannot carry this token, or undefined when it can:
 * the format has no Steam type, no period (always 30 s), and only 6 or 8 digits.
 */
export function migrationIncompatibility(
  t: Pick<Token, 'type' | 'digits' | 'period' | 'counter'>,
): string | undefined {
  if (t.type === 'steam') return 'Steam Guard accounts cannot be transferred to Google Authenticator';
  if (t.digits !== 6 && t.digits !== 8) return `Google Authenticator shows 6 or 8 digits, not ${t.digits}`;
  if (t.type === 'totp' && t.period !== 30)
    return `Google Authenticator uses 30-second codes, not ${t.period}`;
  if (t.counter > INT64_MAX) return 'the HOTP counter is too large for Google Authenticator';
  return undefined;
}

/**
 * Writes tokens as Google Authenticator transfer URIs, at most {@link MIGRATION_ENTRIES_PER_CODE}
 * accounts per code, all sharing one `batch_id` with batch_index 0…n−1 and batch_size n. Throws an
 * `invalid-input` KeyfobError naming the first token the format cannot carry (see
 * {@link migrationIncompatibility}). With no tokens, returns one empty (but valid) code.
 * `batchId` defaults to a random int32, as Google's app does, so two exports never mix.
 */
export function formatMigrationUris(tokens: Token[], batchId: number = randomBatchId()): string[] {
  if (!Number.isInteger(batchId) || batchId < -(2 ** 31) || batchId >= 2 ** 31) {
    throw new KeyfobError('invalid-input', 'The batch id must be a 32-bit signed integer.', 'batchId');
  }
  tokens.forEach((t, i) => {
    const why = migrationIncompatibility(t);
    if (why !== undefined) {
      throw new KeyfobError('invalid-input', `${accountName(t, `account ${i + 1}`)}: ${why}.`);
    }
  });
  const size = Math.max(1, Math.ceil(tokens.length / MIGRATION_ENTRIES_PER_CODE));
  const uris: string[] = [];
  for (let index = 0; index < size; index++) {
    const chunk = tokens.slice(index * MIGRATION_ENTRIES_PER_CODE, (index + 1) * MIGRATION_ENTRIES_PER_CODE);
    const bytes = encodeMigrationPayload({
      otpParameters: chunk.map(toWire),
      version: 1,
      batchSize: size,
      batchIndex: index,
      batchId,
    });
    // Google percent-encodes the base64 (+ / =), so a reader using URLSearchParams also works.
    uris.push(`otpauth-migration://offline?data=${encodeURIComponent(base64Encode(bytes))}`);
  }
  return uris;
}

function toWire(t: Token): OtpParametersWire {
  return {
    secret: t.secret,
    // `name` is read as a label ("Issuer:account", split at the first colon): an account with a
    // colon of its own gets the issuer as prefix so that the split leaves it whole.
    name: t.account.includes(':') ? `${t.issuer}:${t.account}` : t.account,
    issuer: t.issuer,
    algorithm: ALGORITHM_WIRE[t.algorithm],
    digits: t.digits === 8 ? 2 : 1,
    type: t.type === 'hotp' ? 1 : 2,
    counter: t.type === 'hotp' ? t.counter : 0n,
  };
}

function randomBatchId(): number {
  return globalThis.crypto.getRandomValues(new Int32Array(1))[0] ?? 0;
}
