import type { ClockStatus, Settings } from '../../shared/ipc/shapes';
import type { Timers } from '../services/clipboard-clear';
import type { CodeTime } from '../services/codes';
import type { SntpResult } from './sntp-client';

/** How often the offset is measured again while the app runs. */
export const CLOCK_REFRESH_MS = 6 * 60 * 60 * 1000;
/** RFC 4330 §10: a client MUST NOT ask the same server more often than this. */
export const MIN_ASK_GAP_MS = 15_000;
/** The first wait after no answer (or a RATE kiss); it doubles up to {@link CLOCK_REFRESH_MS}. */
export const FIRST_RETRY_MS = 60_000;

/** What the clock service needs: one question to a server, the clocks, timers, and whom to tell. */
export interface ClockServiceOptions {
  /** Asks the server (`HOST[:PORT]`) once; without it nothing is ever asked (tests, benchmarks). */
  ask?: (server: string) => Promise<SntpResult>;
  /** This computer's clock (ms since the epoch). */
  now: () => number;
  /** A monotonic clock in ms, for the gaps between questions. */
  monotonic: () => number;
  timers: Timers;
  /** Told whenever what the status says changed (a measurement, a refusal, the settings). */
  onChange(status: ClockStatus): void;
}

/** This computer's clock checked against a time server, and the time codes are computed at. */
export interface ClockService {
  /** The instant for codes now: corrected when the setting is on and an offset is known. */
  codeTime(): CodeTime;
  status(): ClockStatus;
  /** Takes the settings: a new server is asked at once; the choice of corrected time applies at once. */
  follow(settings: Pick<Settings, 'clockServer' | 'useCorrectedTime'>): void;
  /** Asks again soon (after resuming from sleep), never sooner than 15 s after the last question. */
  askSoon(): void;
  close(): void;
}

/**
 * Measures the offset at start (on the first `follow`), every 6 hours, and when asked (resume);
 * no answer is silent and retried after 1 min, doubling to 6 h; a RATE kiss backs off the same
 * way; DENY or RSTR stop the questions to that server until the setting names another.
 */
export function clockService(options: ClockServiceOptions): ClockService {
  const { timers, monotonic } = options;
  let server = '';
  let useCorrected = false;
  let measurement: ClockStatus['measurement'] = null;
  let refusedCode: string | null = null;
  let retryMs = FIRST_RETRY_MS;
  let lastAsked: number | null = null;
  let timer: { handle: unknown; dueAt: number } | null = null;
  let asking = false;
  let askAgain = false;
  let closed = false;

  const status = (): ClockStatus => ({
    server,
    measurement,
    corrected: useCorrected && measurement !== null,
    refusedCode,
  });
  const cancel = (): void => {
    if (timer !== null) timers.clearTimeout(timer.handle);
    timer = null;
  };
  const schedule = (delayMs: number): void => {
    const { ask } = options;
    if (closed || refusedCode !== null || ask === undefined) return;
    const dueAt = monotonic() + delayMs;
    if (timer !== null && timer.dueAt <= dueAt) return;
    cancel();
    timer = { handle: timers.setTimeout(() => void run(ask), delayMs), dueAt };
  };
  const askSoon = (): void => {
    schedule(lastAsked === null ? 0 : Math.max(0, lastAsked + MIN_ASK_GAP_MS - monotonic()));
  };
  const backOff = (): void => {
    schedule(retryMs);
    retryMs = Math.min(retryMs * 2, CLOCK_REFRESH_MS);
  };

  async function run(ask: (server: string) => Promise<SntpResult>): Promise<void> {
    timer = null;
    if (asking) return void (askAgain = true);
    asking = true;
    lastAsked = monotonic();
    const asked = server;
    const result = await ask(asked).catch((): SntpResult => ({ kind: 'no-answer', why: 'failed' }));
    asking = false;
    if (closed) return;
    if (asked !== server || askAgain) {
      askAgain = false;
      return askSoon();
    }
    if (result.kind === 'measured') {
      measurement = { offsetMs: result.offsetMs, delayMs: result.delayMs, atMs: options.now() };
      retryMs = FIRST_RETRY_MS;
      schedule(CLOCK_REFRESH_MS);
      options.onChange(status());
    } else if (result.kind === 'kiss' && (result.code === 'DENY' || result.code === 'RSTR')) {
      refusedCode = result.code;
      cancel();
      options.onChange(status());
    } else {
      backOff();
    }
  }

  return {
    codeTime() {
      const aheadMs = useCorrected && measurement !== null ? measurement.offsetMs : 0;
      return { atMs: options.now() + aheadMs, aheadMs };
    },
    status,
    follow(settings) {
      const serverChanged = settings.clockServer !== server;
      const choiceChanged = settings.useCorrectedTime !== useCorrected;
      useCorrected = settings.useCorrectedTime;
      if (serverChanged) {
        server = settings.clockServer;
        measurement = null;
        refusedCode = null;
        retryMs = FIRST_RETRY_MS;
        lastAsked = null;
        cancel();
        schedule(0);
      }
      if (serverChanged || choiceChanged) options.onChange(status());
    },
    askSoon,
    close() {
      closed = true;
      cancel();
    },
  };
}
