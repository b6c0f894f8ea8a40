import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_FLAWS,
  startFakeSntpServer,
  type FakeSntpServer,
} from '../../test-support/clock/fake-sntp-server';
import { askTimeServer, nodeUdp, type UdpSocket, type UdpSocketFactory } from './sntp-client';

// A real UDP server on 127.0.0.1 answers each way a time server can (test-support/clock).
let server: FakeSntpServer;
const at = () => ({ host: '127.0.0.1', port: server.port });
const QUICK = { timeoutMs: 400 };

beforeAll(async () => {
  server = await startFakeSntpServer({ kind: 'silent' });
});
afterAll(() => server.close());

describe('asking a time server', () => {
  it('measures a fast answer: the offset, and a round trip of a few ms', async () => {
    server.answer({ kind: 'time', offsetMs: 134_000 });
    const result = await askTimeServer(at());
    expect(result).toMatchObject({ kind: 'measured' });
    if (result.kind !== 'measured') return;
    expect(result.offsetMs).toBeGreaterThan(134_000 - 50);
    expect(result.offsetMs).toBeLessThanOrEqual(134_001);
    expect(result.delayMs).toBeGreaterThanOrEqual(0);
    expect(result.delayMs).toBeLessThan(100);
  });

  it('takes the round trip out of a slow answer (400 ms): the offset stays, the delay shows it', async () => {
    server.answer({ kind: 'time', offsetMs: -42_000, delayMs: 400 });
    const result = await askTimeServer(at());
    expect(result).toMatchObject({ kind: 'measured' });
    if (result.kind !== 'measured') return;
    expect(Math.abs(result.offsetMs + 42_000)).toBeLessThan(60);
    expect(result.delayMs).toBeGreaterThanOrEqual(399);
    expect(result.delayMs).toBeLessThan(600);
  });

  it('sends one 48-byte request: 0x23, then zeros, then the Transmit Timestamp', async () => {
    server.answer({ kind: 'time', offsetMs: 0 });
    const before = server.requests.length;
    await askTimeServer(at());
    const request = server.requests[before];
    expect(request).toHaveLength(48);
    expect(request?.[0]).toBe(0x23);
    expect(request?.subarray(1, 40).every((b) => b === 0)).toBe(true);
  });

  it.each(FAKE_FLAWS)(
    'ignores a reply with %s and, nothing valid coming, reports no answer',
    async (flaw) => {
      server.answer({ kind: 'wrong', flaw, offsetMs: 134_000 });
      const result = await askTimeServer(at(), QUICK);
      expect(result).toEqual({ kind: 'no-answer', why: expect.stringMatching(/^ignored a reply that /) });
    },
  );

  it.each([['RATE'], ['DENY'], ['RSTR']])('reports a Kiss-o-Death %s', async (code) => {
    server.answer({ kind: 'kiss', code });
    expect(await askTimeServer(at(), QUICK)).toEqual({ kind: 'kiss', code });
  });

  it('reports no answer from a silent server after the timeout', async () => {
    server.answer({ kind: 'silent' });
    const started = performance.now();
    expect(await askTimeServer(at(), QUICK)).toEqual({ kind: 'no-answer', why: 'no answer within 0.4 s' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('reports no answer for a host it cannot look up', async () => {
    const lookup = () => Promise.reject(new Error('getaddrinfo ENOTFOUND'));
    expect(await askTimeServer({ host: 'time.invalid', port: 123 }, { lookup })).toEqual({
      kind: 'no-answer',
      why: 'could not look up time.invalid',
    });
  });

  it('keeps waiting past a forged datagram and takes the real reply after it', async () => {
    server.answer({ kind: 'time', offsetMs: 5_000 });
    const result = await askTimeServer(at(), { udp: forgingFirst(nodeUdp) });
    expect(result).toMatchObject({ kind: 'measured' });
    if (result.kind === 'measured') expect(Math.abs(result.offsetMs - 5_000)).toBeLessThan(50);
  });
});

/** Sockets that hand the client a forged reply (right address, made-up times) before the real one. */
function forgingFirst(open: UdpSocketFactory): UdpSocketFactory {
  return (type) => {
    const socket = open(type);
    let deliver: ((message: Buffer, from: { address: string; port: number }) => void) | null = null;
    const wrapped: UdpSocket = {
      on(event: 'message' | 'error', listener: never) {
        if (event === 'message') deliver = listener;
        return socket.on(event as 'error', listener);
      },
      send(message, port, address, done) {
        const forged = Buffer.alloc(48);
        forged[0] = 0x24;
        forged[1] = 1;
        forged.fill(7, 24, 48); // an Originate the client never sent
        deliver?.(forged, { address, port });
        socket.send(message, port, address, done);
      },
      close: () => socket.close(),
    };
    return wrapped;
  };
}
