import { base64Decode } from '@bufbuild/protobuf/wire';
import { KeyfobError } from '../../../shared/errors';
import { keyTextKind } from '../../../shared/text-kind';
import type { Algorithm, Token } from '../../../shared/otp-types';
import { MAX_SECRET_BYTES, splitLabel } from '../../core';
import { showValue } from '../../core/input-error';
import type { EntrySource, ImportResult } from '../format';
import { MAX_ACCOUNTS_PER_CODE, MAX_TRANSFER_TEXT, checkBatch, invalidTransfer } from './limits';
import { TooManyAccounts, decodeMigrationPayload, type OtpParametersWire } from './payload';

/** Which QR code of which export a payload is: `index` 0…size−1 of export `id`. */
export interface MigrationBatch {
  /** `batch_id`, an int32 that is usually negative; the same on every code of one export. */
  id: number;
  index: number;
  /** Number of codes in the export (at least 1; old exports leave it 0, meaning 1). */
  size: number;
  version: number;
}

/** One decoded `otpauth-migration://` code: where it sits in its export, and its accounts. */
export interface MigrationCode {
  batch: MigrationBatch;
  result: ImportResult;
}

const ALGORITHMS: Record<number, Algorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };

/**
 * Decodes Google Authenticator's `otpauth-migration://offline?data=…` transfer code. Throws an
 * `invalid-input` KeyfobError when the code as a whole is unreadable or claims what no export can
 * be (see limits.ts); a bad entry (MD5, unknown enum, empty secret) becomes an error of
 * `result` and the other entries are kept. Work and messages stay small whatever the text says.
 * Each entry's source is `where` (the line of a list, say) with the account's place in the code;
 * by default `where` is "transfer code 2 of 3".
 * @see https://github.com/beemdevelopment/Aegis/blob/master/app/src/main/proto/google_auth.proto
 */
export function parseMigrationUri(text: string, where?: EntrySource): MigrationCode {
  const bytes = payloadBytes(text);
  let payload;
  try {
    payload = decodeMigrationPayload(bytes, MAX_ACCOUNTS_PER_CODE);
  } catch (e) {
    if (!(e instanceof TooManyAccounts)) throw unreadable('its data is not a Google Authenticator export');
    throw invalidTransfer(
      `This transfer code holds more than ${MAX_ACCOUNTS_PER_CODE} accounts; one QR code has room for ` +
        'about 150 at most.',
    );
  }
  checkBatch(payload.batchSize, payload.batchIndex);
  const batch: MigrationBatch = {
    id: payload.batchId,
    index: payload.batchIndex,
    size: Math.max(payload.batchSize, 1),
    version: payload.version,
  };
  const result: ImportResult = { entries: [], errors: [] };
  const code = where ?? {
    file: `transfer code${batch.size > 1 ? ` ${batch.index + 1} of ${batch.size}` : ''}`,
  };
  payload.otpParameters.forEach((otp, i) => {
    const source = { ...code, part: i + 1 };
    const made = toToken(otp);
    if (typeof made === 'string') result.errors.push({ source, message: made });
    else result.entries.push({ source, token: made });
  });
  return { batch, result };
}

/** The base64 bytes of the `data` parameter, read from the raw text (a raw `+` is not a space). */
function payloadBytes(text: string): Uint8Array {
  const uri = text.trim();
  if (keyTextKind(uri) !== 'migration') throw unreadable('it does not start with otpauth-migration://');
  if (uri.length > MAX_TRANSFER_TEXT) {
    throw invalidTransfer(
      `This text is ${uri.length.toLocaleString('en-US')} characters long, too long for a transfer code, ` +
        'which fits in one QR code.',
    );
  }
  const q = uri.indexOf('?');
  const raw = (q < 0 ? '' : uri.slice(q + 1))
    .split('&')
    .find((p) => p.startsWith('data='))
    ?.slice('data='.length);
  if (raw === undefined) throw unreadable('it has no data= parameter');
  const decoded = raw.replace(/%([0-9a-f]{2})/giu, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  // Real exports sometimes over-pad; base64url letters are accepted too, as some re-encoders write them.
  const b64 = decoded.replace(/=+$/u, '');
  if (!/^[A-Za-z0-9+/_-]*$/u.test(b64) || b64.length % 4 === 1) {
    throw unreadable('its data is not base64');
  }
  return base64Decode(b64);
}

/** A token, or why this entry cannot be imported (never quoting the secret). */
function toToken(otp: OtpParametersWire): Token | string {
  const who = otp.issuer !== '' ? showValue(otp.issuer) : 'this account';
  if (otp.algorithm === 4)
    return `${who} uses MD5, which Keyfob does not support; the other accounts are kept`;
  const algorithm = ALGORITHMS[otp.algorithm];
  if (algorithm === undefined) return `${who} has an unknown algorithm (${otp.algorithm})`;
  const digits = DIGITS[otp.digits];
  if (digits === undefined) return `${who} has an unknown digit count (${otp.digits})`;
  if (otp.type !== 0 && otp.type !== 1 && otp.type !== 2) return `${who} has an unknown type (${otp.type})`;
  if (otp.secret.length === 0) return `${who} has an empty secret`;
  if (otp.secret.length > MAX_SECRET_BYTES)
    return `${who} has a secret longer than ${MAX_SECRET_BYTES} bytes`;
  const type = otp.type === 1 ? 'hotp' : 'totp';
  if (type === 'hotp' && otp.counter < 0n) return `${who} has a negative counter`;
  return {
    type,
    algorithm,
    digits,
    period: 30,
    counter: type === 'hotp' ? otp.counter : 0n,
    // `name` is the key URI's label, often "Issuer:account": split by the one label rule.
    ...splitLabel(otp.name, otp.issuer),
    secret: otp.secret,
  };
}

function unreadable(why: string): KeyfobError {
  return new KeyfobError(
    'invalid-input',
    `This Google Authenticator transfer code is unreadable: ${why}.`,
    'uri',
  );
}
