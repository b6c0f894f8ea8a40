import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

// Google Authenticator's `MigrationPayload` on the protobuf wire. We use @bufbuild/protobuf's
// low-level wire reader/writer (well kept, no code generation, no `eval` — protobufjs compiles
// decoders with `new Function`, which the renderer's CSP forbids) and declare the two messages by
// hand: seven fields do not warrant a .proto build step. Varints of int64 come back as bigint, and
// int32 reads the 10-byte varint of a negative batch_id correctly.
// @see https://github.com/beemdevelopment/Aegis/blob/master/app/src/main/proto/google_auth.proto

/** `MigrationPayload.OtpParameters`, enums kept as their wire numbers. */
export interface OtpParametersWire {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
  algorithm: number;
  /** 0 unspecified, 1 six digits, 2 eight digits. */
  digits: number;
  /** 0 unspecified, 1 HOTP, 2 TOTP. */
  type: number;
  counter: bigint;
}

/** `MigrationPayload`: one QR code's worth of an export. */
export interface MigrationPayloadWire {
  otpParameters: OtpParametersWire[];
  version: number;
  batchSize: number;
  batchIndex: number;
  /** int32, usually negative (a 10-byte varint on the wire). */
  batchId: number;
}

/** Thrown by {@link decodeMigrationPayload} when a payload holds more accounts than it may. */
export class TooManyAccounts extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} accounts`);
    this.name = 'TooManyAccounts';
  }
}

/**
 * Decodes the protobuf bytes; throws a plain Error on malformed input (caller words it), and
 * {@link TooManyAccounts} as soon as the payload holds more than `maxAccounts` entries.
 */
export function decodeMigrationPayload(bytes: Uint8Array, maxAccounts = Infinity): MigrationPayloadWire {
  const r = new BinaryReader(bytes);
  const out: MigrationPayloadWire = {
    otpParameters: [],
    version: 0,
    batchSize: 0,
    batchIndex: 0,
    batchId: 0,
  };
  while (r.pos < r.len) {
    const [field, wireType] = r.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) {
      if (out.otpParameters.length >= maxAccounts) throw new TooManyAccounts(maxAccounts);
      out.otpParameters.push(decodeOtp(r.bytes()));
    } else if (field === 2 && wireType === WireType.Varint) out.version = r.int32();
    else if (field === 3 && wireType === WireType.Varint) out.batchSize = r.int32();
    else if (field === 4 && wireType === WireType.Varint) out.batchIndex = r.int32();
    else if (field === 5 && wireType === WireType.Varint) out.batchId = r.int32();
    else r.skip(wireType, field); // unknown fields: newer exports may add some
  }
  return out;
}

function decodeOtp(bytes: Uint8Array): OtpParametersWire {
  const r = new BinaryReader(bytes);
  const out: OtpParametersWire = {
    secret: new Uint8Array(0),
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: 0n,
  };
  while (r.pos < r.len) {
    const [field, wireType] = r.tag();
    const delimited = wireType === WireType.LengthDelimited;
    const varint = wireType === WireType.Varint;
    if (field === 1 && delimited) out.secret = r.bytes().slice();
    else if (field === 2 && delimited) out.name = r.string(true);
    else if (field === 3 && delimited) out.issuer = r.string(true);
    else if (field === 4 && varint) out.algorithm = r.int32();
    else if (field === 5 && varint) out.digits = r.int32();
    else if (field === 6 && varint) out.type = r.int32();
    else if (field === 7 && varint) out.counter = BigInt(r.int64());
    else r.skip(wireType, field);
  }
  return out;
}

/** Encodes a payload the way Google Authenticator writes it (default values omitted). */
export function encodeMigrationPayload(p: MigrationPayloadWire): Uint8Array {
  const w = new BinaryWriter();
  for (const o of p.otpParameters) {
    w.tag(1, WireType.LengthDelimited).fork();
    if (o.secret.length > 0) w.tag(1, WireType.LengthDelimited).bytes(o.secret);
    if (o.name !== '') w.tag(2, WireType.LengthDelimited).string(o.name);
    if (o.issuer !== '') w.tag(3, WireType.LengthDelimited).string(o.issuer);
    if (o.algorithm !== 0) w.tag(4, WireType.Varint).int32(o.algorithm);
    if (o.digits !== 0) w.tag(5, WireType.Varint).int32(o.digits);
    if (o.type !== 0) w.tag(6, WireType.Varint).int32(o.type);
    if (o.counter !== 0n) w.tag(7, WireType.Varint).int64(o.counter);
    w.join();
  }
  if (p.version !== 0) w.tag(2, WireType.Varint).int32(p.version);
  if (p.batchSize !== 0) w.tag(3, WireType.Varint).int32(p.batchSize);
  if (p.batchIndex !== 0) w.tag(4, WireType.Varint).int32(p.batchIndex);
  if (p.batchId !== 0) w.tag(5, WireType.Varint).int32(p.batchId);
  return w.finish();
}
