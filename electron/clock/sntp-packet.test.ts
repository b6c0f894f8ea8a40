import { describe, expect, it } from 'vitest';
import { replyTo, type FakeFlaw } from '../../test-support/clock/fake-sntp-server';
import { checkReply, encodeRequest, fromNtp, offsetAndDelay, toNtp } from './sntp-packet';

const SERVER = { address: '127.0.0.1', port: 4123 };
const T1 = Date.UTC(2026, 2, 2, 9, 41, 21, 250);

/** A request sent at T1 and the reply the fake server gives it. */
function exchange(answer: Parameters<typeof replyTo>[1]) {
  const transmit = toNtp(T1, 0.5);
  const reply = replyTo(encodeRequest(transmit), answer);
  return { reply, request: { to: SERVER, transmit } };
}

describe('the request', () => {
  it('is 48 bytes, byte 0 = 0x23 (LI 0, VN 4, mode 3), zero but for the Transmit Timestamp', () => {
    const packet = encodeRequest({ seconds: 0xeb2c_5f71, fraction: 0x1234_5678 });
    expect(packet).toHaveLength(48);
    expect(packet[0]).toBe(0x23);
    expect([...packet.subarray(1, 40)].every((b) => b === 0)).toBe(true);
    expect(Buffer.from(packet.subarray(40)).toString('hex')).toBe('eb2c5f7112345678');
  });

  it('fills the bits below the millisecond from the jitter', () => {
    const low = toNtp(T1, 0);
    const high = toNtp(T1, 0.999);
    expect(high.seconds).toBe(low.seconds);
    expect(high.fraction - low.fraction).toBeGreaterThan(4_000_000); // ≈ 0.999 ms in 1/2^32 s
    expect(fromNtp(high) - T1).toBeLessThan(1);
    expect(fromNtp(low)).toBeCloseTo(T1, 3);
  });
});

describe('NTP timestamps and eras (RFC 4330 §3)', () => {
  it.each([
    [
      'the first second with the top bit set (era 0)',
      { seconds: 0x8000_0000, fraction: 0 },
      '1968-01-20T03:14:08.000Z',
    ],
    ['the last second of era 0', { seconds: 0xffff_ffff, fraction: 0 }, '2036-02-07T06:28:15.000Z'],
    ['era 1 begins (seconds wrap to 0)', { seconds: 0, fraction: 0 }, '2036-02-07T06:28:16.000Z'],
    ['a half second into era 1', { seconds: 1, fraction: 0x8000_0000 }, '2036-02-07T06:28:17.500Z'],
    ['2026', { seconds: 3_981_692_481, fraction: 0 }, '2026-03-05T09:41:21.000Z'],
  ])('%s', (_what, timestamp, iso) => {
    expect(new Date(fromNtp(timestamp)).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-03-02T09:41:21.250Z'],
    ['2036-02-07T06:28:15.999Z'],
    ['2036-02-07T06:28:16.000Z'],
    ['2040-01-01T00:00:00.125Z'],
    ['1999-12-31T23:59:59.000Z'],
  ])('%s goes there and back', (iso) => {
    const ms = Date.parse(iso);
    expect(fromNtp(toNtp(ms, 0))).toBeCloseTo(ms, 3);
  });
});

describe('checking a reply (RFC 4330 §5)', () => {
  it('takes a valid reply: the server times, stratum 1', () => {
    const { reply, request } = exchange({ kind: 'time', offsetMs: 134_000 });
    const verdict = checkReply(reply, SERVER, request);
    expect(verdict).toMatchObject({ kind: 'time', stratum: 1 });
    if (verdict.kind === 'time') {
      expect(verdict.receiveMs - T1).toBeCloseTo(134_000.5, 2);
      expect(verdict.transmitMs).toBe(verdict.receiveMs);
    }
  });

  it.each<[FakeFlaw, RegExp]>([
    ['short', /shorter than an SNTP packet/],
    ['client-mode', /mode 3, not a server reply/],
    ['version-3', /version 3, not 4/],
    ['other-originate', /Originate differs/],
    ['kiss-other-originate', /Originate differs/],
    ['stratum-16', /stratum 16/],
    ['unsynchronised', /not synchronised/],
    ['zero-transmit', /zero transmit time/],
    ['zero-receive', /zero receive time/],
    ['root-delay', /root delay or dispersion/],
    ['transmit-before-receive', /sent before the request arrived/],
  ])('ignores a reply with %s', (flaw, why) => {
    const { reply, request } = exchange({ kind: 'wrong', flaw });
    expect(checkReply(reply, SERVER, request)).toEqual({ kind: 'ignored', why: expect.stringMatching(why) });
  });

  it.each([[{ address: '127.0.0.2', port: 4123 }], [{ address: '127.0.0.1', port: 4124 }]])(
    'ignores a reply from another address or port: %o',
    (from) => {
      const { reply, request } = exchange({ kind: 'time', offsetMs: 0 });
      expect(checkReply(reply, from, request)).toMatchObject({
        kind: 'ignored',
        why: /not the server asked/,
      });
    },
  );

  it.each([['RATE'], ['DENY'], ['RSTR'], ['INIT']])('reads the Kiss-o-Death %s', (code) => {
    const { reply, request } = exchange({ kind: 'kiss', code });
    expect(checkReply(reply, SERVER, request)).toEqual({ kind: 'kiss', code });
  });

  it('shows unprintable kiss bytes as "?"', () => {
    const { reply, request } = exchange({ kind: 'kiss', code: 'RA\u0001E' });
    expect(checkReply(reply, SERVER, request)).toEqual({ kind: 'kiss', code: 'RA?E' });
  });
});

describe('offset and delay (RFC 5905 §8)', () => {
  it.each([
    ['same clocks, 20 ms each way, 1 ms at the server', [0, 20, 21, 41], 0, 40],
    ['this clock 134 s behind, no delay', [0, 134_000, 134_000, 0], 134_000, 0],
    ['this clock 5 s ahead, 100 ms round trip', [10_000, 5_050, 5_050, 10_100], -5_000, 100],
    ['asymmetric path: 90 ms there, 10 ms back', [0, 90, 90, 100], 40, 100],
  ])('%s', (_what, [t1, t2, t3, t4], offsetMs, delayMs) => {
    expect(offsetAndDelay(t1 ?? 0, t2 ?? 0, t3 ?? 0, t4 ?? 0)).toEqual({ offsetMs, delayMs });
  });
});
