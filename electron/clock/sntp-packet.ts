/**
 * SNTP packets (RFC 4330; field layout and arithmetic from RFC 5905): the request Keyfob sends,
 * the checks a reply must pass before its times are believed, and the offset and round-trip delay
 * they give. Pure: bytes and numbers in, verdicts out.
 */

/** Seconds from the NTP epoch (1900-01-01) to the Unix epoch (1970-01-01). */
export const NTP_UNIX_OFFSET_S = 2_208_988_800;
/** The fixed header every SNTP packet has (no extension fields or authenticator are used). */
export const PACKET_BYTES = 48;
/** Keyfob asks as an NTP version 4 client; a reply must carry the same version. */
export const NTP_VERSION = 4;

const ERA_S = 2 ** 32;
const MODE_CLIENT = 3;
const MODE_SERVER = 4;
const LI_UNSYNCHRONISED = 3;
const MAX_STRATUM = 15;
/** Root delay and dispersion of a usable server are under a second (16.16 fixed point). */
const ONE_SECOND_16_16 = 0x1_0000;

/** An NTP timestamp as it travels: whole seconds and a fraction in 1/2³² s, each an unsigned 32-bit number. */
export interface NtpTimestamp {
  seconds: number;
  fraction: number;
}

/** Where a datagram came from, or where the request went. */
export interface Endpoint {
  address: string;
  port: number;
}

/** What a datagram turned out to be: the server's times, a Kiss-o'-Death, or something to ignore (and why). */
export type ReplyVerdict =
  | { kind: 'time'; receiveMs: number; transmitMs: number; stratum: number }
  | { kind: 'kiss'; code: string }
  | { kind: 'ignored'; why: string };

/**
 * `unixMs` as an NTP timestamp. The bits below the millisecond are filled from `jitter` (0 ≤ jitter
 * < 1): RFC 4330 §3 suggests random low-order bits, which also makes the Originate echo hard to guess.
 */
export function toNtp(unixMs: number, jitter: number): NtpTimestamp {
  const unixS = Math.floor(unixMs / 1000);
  const intoSecondMs = Math.floor(unixMs) - unixS * 1000 + jitter;
  const fraction = Math.min(ERA_S - 1, Math.floor((intoSecondMs / 1000) * ERA_S));
  const seconds = (((unixS + NTP_UNIX_OFFSET_S) % ERA_S) + ERA_S) % ERA_S;
  return { seconds, fraction };
}

/**
 * Unix milliseconds of an NTP timestamp. RFC 4330 §3: with the top bit set the seconds count from
 * 1900 (1968–2036); clear, they count from 2036-02-07 06:28:16 UTC (era 1, 2036–2104).
 */
export function fromNtp({ seconds, fraction }: NtpTimestamp): number {
  const eraS = seconds >= 2 ** 31 ? 0 : ERA_S;
  return (seconds + eraS - NTP_UNIX_OFFSET_S) * 1000 + (fraction / ERA_S) * 1000;
}

/** A client request: all zero but byte 0 (LI 0, VN 4, mode 3 → 0x23) and the Transmit Timestamp. */
export function encodeRequest(transmit: NtpTimestamp): Uint8Array {
  const packet = new Uint8Array(PACKET_BYTES);
  packet[0] = (NTP_VERSION << 3) | MODE_CLIENT;
  writeTimestamp(new DataView(packet.buffer), 40, transmit);
  return packet;
}

/**
 * Checks one datagram against the request it should answer (RFC 4330 §5): from the address and
 * port asked; at least 48 bytes; mode 4 (server); our version; Originate equal to the Transmit we
 * sent (checked before a Kiss-o'-Death is believed); stratum 1–15, or 0 for a Kiss-o'-Death whose
 * code is the Reference ID; not unsynchronised (LI 3); non-zero receive and transmit times, the
 * transmit not before the receive; root delay and dispersion in [0, 1 s).
 */
export function checkReply(
  bytes: Uint8Array,
  from: Endpoint,
  request: { to: Endpoint; transmit: NtpTimestamp },
): ReplyVerdict {
  const ignored = (why: string): ReplyVerdict => ({ kind: 'ignored', why });
  if (from.address !== request.to.address || from.port !== request.to.port)
    return ignored(`came from ${from.address} port ${from.port}, not the server asked`);
  if (bytes.length < PACKET_BYTES) return ignored(`is ${bytes.length} bytes, shorter than an SNTP packet`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = view.getUint8(0);
  const [leap, version, mode] = [first >> 6, (first >> 3) & 7, first & 7];
  if (mode !== MODE_SERVER) return ignored(`has mode ${mode}, not a server reply (4)`);
  if (version !== NTP_VERSION) return ignored(`has version ${version}, not ${NTP_VERSION}`);
  const originate = readTimestamp(view, 24);
  if (originate.seconds !== request.transmit.seconds || originate.fraction !== request.transmit.fraction)
    return ignored('does not answer the request sent (Originate differs)');
  const stratum = view.getUint8(1);
  if (stratum === 0) return { kind: 'kiss', code: kissCode(bytes.subarray(12, 16)) };
  if (stratum > MAX_STRATUM) return ignored(`has stratum ${stratum}, which is reserved`);
  if (leap === LI_UNSYNCHRONISED) return ignored('says the server is not synchronised');
  const rootDelay = view.getInt32(4);
  const rootDispersion = view.getUint32(8);
  if (rootDelay < 0 || rootDelay >= ONE_SECOND_16_16 || rootDispersion >= ONE_SECOND_16_16)
    return ignored('has a root delay or dispersion of a second or more');
  const receive = readTimestamp(view, 32);
  const transmit = readTimestamp(view, 40);
  if (isZero(transmit)) return ignored('has a zero transmit time');
  if (isZero(receive)) return ignored('has a zero receive time');
  const receiveMs = fromNtp(receive);
  const transmitMs = fromNtp(transmit);
  if (transmitMs < receiveMs) return ignored('was sent before the request arrived');
  return { kind: 'time', receiveMs, transmitMs, stratum };
}

/**
 * Offset and round-trip delay from the four times (RFC 5905 §8), all in Unix ms: T1 request sent
 * (client clock), T2 received and T3 answered (server clock), T4 reply received (client clock).
 * A positive offset means this computer's clock is behind the server's.
 */
export function offsetAndDelay(t1: number, t2: number, t3: number, t4: number) {
  return { offsetMs: (t2 - t1 + (t3 - t4)) / 2, delayMs: t4 - t1 - (t3 - t2) };
}

function readTimestamp(view: DataView, at: number): NtpTimestamp {
  return { seconds: view.getUint32(at), fraction: view.getUint32(at + 4) };
}

function writeTimestamp(view: DataView, at: number, { seconds, fraction }: NtpTimestamp): void {
  view.setUint32(at, seconds);
  view.setUint32(at + 4, fraction);
}

function isZero({ seconds, fraction }: NtpTimestamp): boolean {
  return seconds === 0 && fraction === 0;
}

/** The four ASCII letters of a kiss code ("RATE", "DENY"); anything unprintable shows as "?". */
function kissCode(bytes: Uint8Array): string {
  return String.fromCharCode(...[...bytes].map((b) => (b >= 0x20 && b < 0x7f ? b : 0x3f))).trim();
}
