import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { lookup as dnsLookup } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { ServerAddress } from '../../shared/clock-server';
import { checkReply, encodeRequest, fromNtp, offsetAndDelay, toNtp, type Endpoint } from './sntp-packet';

/** The part of a `node:dgram` socket the client uses. */
export interface UdpSocket {
  on(event: 'message', listener: (message: Buffer, from: Endpoint) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  send(message: Uint8Array, port: number, address: string, done: (error: Error | null) => void): void;
  close(): void;
}

/** Opens a UDP socket of the given family (`node:dgram` in the app; tests may hand their own). */
export type UdpSocketFactory = (type: 'udp4' | 'udp6') => UdpSocket;

/** What one question to a time server gave: a measurement, a Kiss-o'-Death, or no valid answer (and why). */
export type SntpResult =
  | { kind: 'measured'; offsetMs: number; delayMs: number }
  | { kind: 'kiss'; code: string }
  | { kind: 'no-answer'; why: string };

/** How long a question may take, look-up included (the CLI's one-line failure promises this). */
export const SNTP_TIMEOUT_MS = 3_000;

/** What the client needs from outside; every part has a real default. */
export interface SntpOptions {
  /** The clock being measured (ms since the epoch); Date.now by default. */
  now?: () => number;
  /** A monotonic clock in ms for the round trip (performance.now by default): wall-clock steps don't bend it. */
  monotonic?: () => number;
  udp?: UdpSocketFactory;
  lookup?: (host: string) => Promise<{ address: string; family: number }>;
  timeoutMs?: number;
  /** A number in [0, 1) for the bits of T1 below the millisecond; crypto-random by default. */
  jitter?: () => number;
}

/** `node:dgram` sockets. */
export const nodeUdp: UdpSocketFactory = (type) => createSocket(type);

/**
 * Asks `server` once for the time (RFC 4330 client): one request, then every datagram is checked
 * (`checkReply`) until a valid reply or a Kiss-o'-Death arrives or the time is up. Datagrams that
 * fail a check are ignored, so a stray or forged packet cannot end the wait early. Never throws:
 * an unknown host, no network or a closed port are all `no-answer`.
 */
export async function askTimeServer(server: ServerAddress, options: SntpOptions = {}): Promise<SntpResult> {
  const now = options.now ?? Date.now;
  const monotonic = options.monotonic ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? SNTP_TIMEOUT_MS;
  const start = monotonic();
  const noAnswer = (why: string): SntpResult => ({ kind: 'no-answer', why });
  let resolved: { address: string; family: number };
  try {
    resolved = await within(timeoutMs, (options.lookup ?? dnsLookup)(server.host));
  } catch {
    return noAnswer(`could not look up ${server.host}`);
  }
  const to = { address: resolved.address, port: server.port };
  const socket = (options.udp ?? nodeUdp)(resolved.family === 6 ? 'udp6' : 'udp4');
  const transmit = toNtp(now(), (options.jitter ?? cryptoJitter)());
  const t1 = fromNtp(transmit);
  const sentAt = monotonic();
  return new Promise<SntpResult>((resolve) => {
    let lastIgnored: string | null = null;
    const finish = (result: SntpResult): void => {
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed after an error
      }
      resolve(result);
    };
    const left = Math.max(0, timeoutMs - (sentAt - start));
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 100) / 10;
      finish(noAnswer(lastIgnored ?? `no answer within ${seconds} s`));
    }, left);
    socket.on('error', () => finish(noAnswer('the network refused the request')));
    socket.on('message', (message, from) => {
      const t4 = t1 + (monotonic() - sentAt);
      const verdict = checkReply(message, from, { to, transmit });
      if (verdict.kind === 'kiss') return finish(verdict);
      if (verdict.kind === 'ignored') return void (lastIgnored = `ignored a reply that ${verdict.why}`);
      const measured = offsetAndDelay(t1, verdict.receiveMs, verdict.transmitMs, t4);
      // The server cannot have spent longer on the request than the whole round trip took.
      if (measured.delayMs < 0)
        return void (lastIgnored = 'ignored a reply whose times do not fit the round trip');
      finish({ kind: 'measured', ...measured });
    });
    socket.send(encodeRequest(transmit), to.port, to.address, (error) => {
      if (error !== null) finish(noAnswer('the request could not be sent'));
    });
  });
}

function cryptoJitter(): number {
  return randomInt(0, 2 ** 20) / 2 ** 20;
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('failed'));
      },
    );
  });
}
