import type { Timers } from './clipboard-clear';

/** How long main keeps seeds that wait for the user (a pending scan, an import session). */
export const SEED_HOLD_MS = 5 * 60 * 1000;

/** Global timers that never keep a process (the CLI, a test run) alive on their own. */
export const unrefTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * A deadline for seeds held in memory: {@link SEED_HOLD_MS} after `arm()` they are dropped — by a
 * timer even if nobody asks again, and by `check()` on the next use when the clock says the time is
 * up (the clock and the timers are injected, so tests drive both).
 */
export class SeedHold {
  private deadline: number | null = null;
  private handle: unknown;

  constructor(
    private readonly now: () => number,
    private readonly timers: Timers,
    private readonly drop: () => void,
  ) {}

  /** Starts (or restarts) the hold from now. */
  arm(): void {
    this.disarm();
    this.deadline = this.now() + SEED_HOLD_MS;
    this.handle = this.timers.setTimeout(() => this.expire(), SEED_HOLD_MS);
  }

  /** Stops the hold without dropping anything (the seeds were saved or forgotten already). */
  disarm(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
    this.deadline = null;
  }

  /** True while a hold runs. */
  get armed(): boolean {
    return this.deadline !== null;
  }

  /** Drops the seeds if their time is up; true when it did. */
  check(): boolean {
    if (this.deadline === null || this.now() < this.deadline) return false;
    this.expire();
    return true;
  }

  private expire(): void {
    this.disarm();
    this.drop();
  }
}
