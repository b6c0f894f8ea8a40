import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type { Token } from '../../../shared/otp-types';

// Google Authenticator transfer links (`otpauth-migration://offline?data=…`) written from the
// `MigrationPayload` message of Aegis's google_auth.proto, with @bufbuild/protobuf's
// wire writer, never with Keyfob's own migration code.

/** `MigrationPayload.Algorithm`: SHA1 = 1, SHA256 = 2, SHA512 = 3. */
const ALGORITHM = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
/** `DigitCount`: SIX = 1, EIGHT = 2. */
const DIGITS: Record<number, number> = { 6: 1, 8: 2 };
/** `OtpType`: HOTP = 1, TOTP = 2. */
const TYPE = { hotp: 1, totp: 2 } as const;
/** Google Authenticator puts at most ten accounts in one transfer code. */
const PER_CODE = 10;

function otpParameters(t: Token): Uint8Array {
  if (t.type === 'steam' || DIGITS[t.digits] === undefined || (t.type === 'totp' && t.period !== 30)) {
    throw new Error(`a Google transfer code cannot hold ${t.issuer}: ${t.account}`);
  }
  const w = new BinaryWriter();
  w.tag(1, WireType.LengthDelimited).bytes(t.secret);
  w.tag(2, WireType.LengthDelimited).string(t.account);
  w.tag(3, WireType.LengthDelimited).string(t.issuer);
  w.tag(4, WireType.Varint).int32(ALGORITHM[t.algorithm]);
  w.tag(5, WireType.Varint).int32(DIGITS[t.digits] ?? 0);
  w.tag(6, WireType.Varint).int32(TYPE[t.type]);
  if (t.type === 'hotp') w.tag(7, WireType.Varint).int64(t.counter);
  return w.finish();
}

/**
 * One export of `tokens`: ten accounts per code, every code sharing `batchId` (int32) with
 * batch_index 0…n−1 and batch_size n; `data` is standard base64, percent-encoded.
 */
export function googleTransferUris(tokens: readonly Token[], batchId: number): string[] {
  const size = Math.max(1, Math.ceil(tokens.length / PER_CODE));
  return Array.from({ length: size }, (_, index) => {
    const w = new BinaryWriter();
    for (const t of tokens.slice(index * PER_CODE, (index + 1) * PER_CODE)) {
      w.tag(1, WireType.LengthDelimited).bytes(otpParameters(t));
    }
    w.tag(2, WireType.Varint).int32(1); // version
    w.tag(3, WireType.Varint).int32(size);
    w.tag(4, WireType.Varint).int32(index);
    w.tag(5, WireType.Varint).int32(batchId);
    const data = Buffer.from(w.finish()).toString('base64');
    return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
  });
}
