import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

// A time server on 127.0.0.1 for tests, written from RFC 4330 §4 (the 48-byte header, big-endian,
// timestamps in seconds since 1900 plus a 1/2^32 fraction), not from Keyfob's client.

/** How the fake server answers the next requests. */
export type FakeAnswer =
  /** A valid reply whose clock is `offsetMs` ahead of the asker's, sent after `delayMs` (0: at once). */
  | { kind: 'time'; offsetMs: number; delayMs?: number }
  /** A reply with one thing wrong (otherwise valid, `offsetMs` ahead). */
  | { kind: 'wrong'; flaw: FakeFlaw; offsetMs?: number }
  /** A Kiss-o'-Death (stratum 0) carrying `code`, e.g. RATE, DENY, RSTR. */
  | { kind: 'kiss'; code: string }
  /** No reply at all. */
  | { kind: 'silent' };

/** The ways a reply can be wrong that a client must ignore. */
export const FAKE_FLAWS = [
  'client-mode',
  'version-3',
  'other-originate',
  'zero-transmit',
  'zero-receive',
  'stratum-16',
  'unsynchronised',
  'short',
  'other-port',
  'root-delay',
  'transmit-before-receive',
  'kiss-other-originate',
] as const;
export type FakeFlaw = (typeof FAKE_FLAWS)[number];

/** A running fake server. */
export interface FakeSntpServer {
  /** `127.0.0.1:<port>`, as the server setting and `--server` take it. */
  readonly address: string;
  readonly port: number;
  /** Every request received, as raw bytes, oldest first. */
  readonly requests: Uint8Array[];
  /** How to answer from now on. */
  answer(next: FakeAnswer): void;
  close(): Promise<void>;
}

const NTP_TO_UNIX_S = 2_208_988_800;

/** Starts a fake SNTP server on 127.0.0.1 (a free port) answering `first`. */
export async function startFakeSntpServer(first: FakeAnswer): Promise<FakeSntpServer> {
  let current = first;
  const requests: Uint8Array[] = [];
  const socket = createSocket('udp4');
  const stray = createSocket('udp4');
  const timers = new Set<NodeJS.Timeout>();
  socket.on('message', (request, from) => {
    requests.push(new Uint8Array(request));
    const answer = current;
    if (answer.kind === 'silent') return;
    const delayMs = answer.kind === 'time' ? (answer.delayMs ?? 0) : 0;
    const send = (): void => {
      const reply = replyTo(request, answer);
      const via = answer.kind === 'wrong' && answer.flaw === 'other-port' ? stray : socket;
      via.send(reply, from.port, from.address);
    };
    if (delayMs === 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
  });
  await Promise.all([bind(socket), bind(stray)]);
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    answer: (next) => void (current = next),
    async close() {
      timers.forEach(clearTimeout);
      await Promise.all([close(socket), close(stray)]);
    },
  };
}

/** The reply to `request` that `answer` describes. */
export function replyTo(request: Uint8Array, answer: Exclude<FakeAnswer, { kind: 'silent' }>): Buffer {
  const reply = Buffer.alloc(48);
  const clientSent = unixMsOf(Buffer.from(request).subarray(40, 48));
  const flaw = answer.kind === 'wrong' ? answer.flaw : null;
  const offsetMs = answer.kind === 'kiss' ? 0 : (answer.offsetMs ?? 0);
  // A symmetric path: the request took half the delay, so the server saw it at T1 + offset + delay/2.
  const oneWayMs = answer.kind === 'time' ? (answer.delayMs ?? 0) / 2 : 0;
  const serverMs = clientSent + offsetMs + oneWayMs;
  const leap = answer.kind === 'kiss' || flaw === 'unsynchronised' ? 3 : 0;
  const version = flaw === 'version-3' ? 3 : 4;
  const mode = flaw === 'client-mode' ? 3 : 4;
  reply[0] = (leap << 6) | (version << 3) | mode;
  reply[1] = answer.kind === 'kiss' || flaw === 'kiss-other-originate' ? 0 : flaw === 'stratum-16' ? 16 : 1;
  reply[2] = 6; // poll: 64 s
  reply[3] = 0xec; // precision: 2^-20 s
  reply.writeUInt32BE(flaw === 'root-delay' ? 0x0002_0000 : 0, 4); // root delay (16.16 s)
  reply.writeUInt32BE(0x0000_0010, 8); // root dispersion
  reply.write(answer.kind === 'kiss' ? answer.code.padEnd(4, '\0').slice(0, 4) : 'GPS\0', 12, 'latin1');
  writeUnixMs(reply, 16, serverMs - 16_000); // reference: last set 16 s ago
  if (flaw === 'other-originate' || flaw === 'kiss-other-originate') {
    writeUnixMs(reply, 24, clientSent + 1_000);
    if (flaw === 'kiss-other-originate') reply.write('DENY', 12, 'latin1');
  } else {
    Buffer.from(request).copy(reply, 24, 40, 48);
  }
  if (answer.kind !== 'kiss') {
    if (flaw !== 'zero-receive') writeUnixMs(reply, 32, serverMs);
    if (flaw !== 'zero-transmit')
      writeUnixMs(reply, 40, flaw === 'transmit-before-receive' ? serverMs - 5 : serverMs);
  }
  return flaw === 'short' ? reply.subarray(0, 47) : reply;
}

function unixMsOf(bytes: Buffer): number {
  const seconds = bytes.readUInt32BE(0);
  const fraction = bytes.readUInt32BE(4);
  // Seconds with the top bit clear belong to the era starting 2036-02-07 (RFC 4330 §3).
  const era = seconds < 0x8000_0000 ? 0x1_0000_0000 : 0;
  return (seconds + era - NTP_TO_UNIX_S) * 1000 + (fraction / 0x1_0000_0000) * 1000;
}

function writeUnixMs(into: Buffer, at: number, unixMs: number): void {
  const whole = Math.floor(unixMs / 1000);
  into.writeUInt32BE((whole + NTP_TO_UNIX_S) % 0x1_0000_0000, at);
  into.writeUInt32BE(Math.floor(((unixMs - whole * 1000) / 1000) * 0x1_0000_0000), at + 4);
}

function bind(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
}

function close(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}
