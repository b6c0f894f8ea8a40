import { describe, expect, it } from 'vitest';
import type { ClockStatus } from '../../shared/ipc/shapes';
import { manualTimers } from '../../test-support/services/manual-timers';
import { CLOCK_REFRESH_MS, clockService, FIRST_RETRY_MS, MIN_ASK_GAP_MS } from './clock-service';
import type { SntpResult } from './sntp-client';

const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const MEASURED: SntpResult = { kind: 'measured', offsetMs: 134_000, delayMs: 12 };

/** A clock service over manual timers, a scripted server and a monotonic clock the test moves. */
function setup(answers: SntpResult[]) {
  const timers = manualTimers();
  const asked: string[] = [];
  const changes: ClockStatus[] = [];
  let mono = 1_000;
  const service = clockService({
    ask: async (server) => {
      asked.push(server);
      return answers.shift() ?? { kind: 'no-answer', why: 'silent' };
    },
    now: () => NOW,
    monotonic: () => mono,
    timers,
    onChange: (status) => changes.push(status),
  });
  /** Runs the due timers and lets the answers land. */
  const fire = async () => {
    timers.fireAll();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { service, timers, asked, changes, fire, pass: (ms: number) => void (mono += ms) };
}

describe('the clock service', () => {
  it('asks at start, keeps the measurement, and asks again 6 hours later', async () => {
    const { service, timers, asked, changes, fire } = setup([MEASURED]);
    service.follow({ clockServer: 'time.example', useCorrectedTime: false });
    expect(timers.pending()).toEqual([0]);
    await fire();
    expect(asked).toEqual(['time.example']);
    expect(service.status()).toEqual({
      server: 'time.example',
      measurement: { offsetMs: 134_000, delayMs: 12, atMs: NOW },
      corrected: false,
      refusedCode: null,
    });
    expect(changes.at(-1)).toEqual(service.status());
    expect(timers.pending()).toEqual([CLOCK_REFRESH_MS]);
  });

  it.each([
    ['off', false, { atMs: NOW, aheadMs: 0 }],
    ['on', true, { atMs: NOW + 134_000, aheadMs: 134_000 }],
  ])(
    'computes codes at the system clock with the choice %s, else the corrected time',
    async (_, on, time) => {
      const { service, fire } = setup([MEASURED]);
      service.follow({ clockServer: 'time.example', useCorrectedTime: on });
      expect(service.codeTime()).toEqual({ atMs: NOW, aheadMs: 0 }); // nothing measured yet
      await fire();
      expect(service.codeTime()).toEqual(time);
      expect(service.status().corrected).toBe(on);
    },
  );

  it('tells of a change of the choice at once', async () => {
    const { service, changes, fire } = setup([MEASURED]);
    service.follow({ clockServer: 'time.example', useCorrectedTime: false });
    await fire();
    const before = changes.length;
    service.follow({ clockServer: 'time.example', useCorrectedTime: true });
    expect(changes.slice(before)).toEqual([expect.objectContaining({ corrected: true })]);
  });

  it.each<[string, SntpResult]>([
    ['no answer', { kind: 'no-answer', why: 'silent' }],
    ['a RATE kiss', { kind: 'kiss', code: 'RATE' }],
    ['an unknown kiss', { kind: 'kiss', code: 'XYZZ' }],
  ])('says nothing after %s and asks again after 1 min, doubling up to 6 h', async (_, answer) => {
    const { service, timers, changes, fire } = setup(Array.from({ length: 12 }, () => answer));
    service.follow({ clockServer: 'time.example', useCorrectedTime: true });
    const quiet = changes.length;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await fire();
      waits.push(...timers.pending());
    }
    expect(changes).toHaveLength(quiet);
    expect(waits.slice(0, 4)).toEqual([
      FIRST_RETRY_MS,
      2 * FIRST_RETRY_MS,
      4 * FIRST_RETRY_MS,
      8 * FIRST_RETRY_MS,
    ]);
    expect(waits.at(-1)).toBe(CLOCK_REFRESH_MS);
  });

  it.each([['DENY'], ['RSTR']])(
    'stops asking a server that answers %s until another is set',
    async (code) => {
      const { service, timers, asked, fire } = setup([{ kind: 'kiss', code }, MEASURED]);
      service.follow({ clockServer: 'time.example', useCorrectedTime: false });
      await fire();
      expect(service.status().refusedCode).toBe(code);
      expect(timers.pending()).toEqual([]);
      service.askSoon();
      expect(timers.pending()).toEqual([]);
      service.follow({ clockServer: 'other.example:4123', useCorrectedTime: false });
      await fire();
      expect(asked).toEqual(['time.example', 'other.example:4123']);
      expect(service.status()).toMatchObject({ refusedCode: null, measurement: { offsetMs: 134_000 } });
    },
  );

  it('asks again on resume, never sooner than 15 s after the last question', async () => {
    const { service, timers, asked, fire, pass } = setup([MEASURED, MEASURED]);
    service.follow({ clockServer: 'time.example', useCorrectedTime: false });
    await fire();
    pass(4_000);
    service.askSoon();
    expect(timers.pending()).toEqual([MIN_ASK_GAP_MS - 4_000]);
    pass(MIN_ASK_GAP_MS - 4_000);
    await fire();
    expect(asked).toHaveLength(2);
    expect(timers.pending()).toEqual([CLOCK_REFRESH_MS]);
    pass(MIN_ASK_GAP_MS);
    service.askSoon();
    expect(timers.pending()).toEqual([0]);
  });

  it('asks nothing without a way to ask and after close', async () => {
    const timers = manualTimers();
    const idle = clockService({ now: () => NOW, monotonic: () => 0, timers, onChange: () => undefined });
    idle.follow({ clockServer: 'time.example', useCorrectedTime: true });
    expect(timers.pending()).toEqual([]);
    expect(idle.codeTime()).toEqual({ atMs: NOW, aheadMs: 0 });

    const { service, timers: t2 } = setup([MEASURED]);
    service.follow({ clockServer: 'time.example', useCorrectedTime: false });
    service.close();
    expect(t2.pending()).toEqual([]);
  });
});
