import { KeyfobError } from '../../shared/errors';

/** The longest wait between password attempts. */
export const MAX_ATTEMPT_WAIT_MS = 5 * 60 * 1000;

/** The wait after `failures` wrong passwords in a row: none before the first, then 1 s doubling up to 5 min. */
export function attemptWaitMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_ATTEMPT_WAIT_MS, 1000 * 2 ** Math.min(failures - 1, 30));
}

/**
 * Rate-limits password checks: one at a time, and after a wrong password the next one waits (a
 * growing delay on a monotonic clock, so changing the system time does not shorten it). The count
 * lives in memory: restarting the app resets it, which itself takes seconds.
 */
export class PasswordAttempts {
  private failures = 0;
  private nextAt = 0;
  private checking = false;

  constructor(private readonly monotonic: () => number) {}

  /** Ms until the next attempt is taken (0: now). */
  waitMs(): number {
    return Math.max(0, Math.ceil(this.nextAt - this.monotonic()));
  }

  /** Runs `check` as one attempt; a 'busy' error while another runs or the wait is not over. */
  async attempt(check: () => Promise<boolean>): Promise<boolean> {
    const wait = this.waitMs();
    if (this.checking) throw new KeyfobError('busy', 'Still checking the last password.');
    if (wait > 0) throw new KeyfobError('busy', `Wait ${Math.ceil(wait / 1000)} s before trying again.`);
    this.checking = true;
    try {
      const ok = await check();
      this.failures = ok ? 0 : this.failures + 1;
      this.nextAt = this.monotonic() + attemptWaitMs(this.failures);
      return ok;
    } finally {
      this.checking = false;
    }
  }
}
