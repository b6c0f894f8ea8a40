import { describe, expect, it } from 'vitest';
import { SEED_HOLD_MS, SeedHold } from './seed-hold';
import { manualTimers } from '../../test-support/services/manual-timers';

const T0 = 1_750_000_000_000;

function hold() {
  let now = T0;
  let drops = 0;
  const timers = manualTimers();
  const h = new SeedHold(
    () => now,
    timers,
    () => drops++,
  );
  return { h, timers, drops: () => drops, setNow: (ms: number) => (now = ms) };
}

describe('SeedHold', () => {
  it.each([
    ['just before the 5 minutes', SEED_HOLD_MS - 1, false],
    ['at 5 minutes', SEED_HOLD_MS, true],
    ['long after', 24 * 3600_000, true],
  ])('checked %s: dropped = %s', (_name, after, dropped) => {
    const { h, drops, setNow } = hold();
    h.arm();
    setNow(T0 + after);
    expect(h.check()).toBe(dropped);
    expect(drops()).toBe(dropped ? 1 : 0);
    expect(h.armed).toBe(!dropped);
  });

  it('the timer drops the seeds even if nobody checks', () => {
    const { h, timers, drops } = hold();
    h.arm();
    expect(timers.pending()).toEqual([SEED_HOLD_MS]);
    timers.fireAll();
    expect(drops()).toBe(1);
    expect(h.armed).toBe(false);
  });

  it('re-arming restarts the 5 minutes; disarming cancels the timer', () => {
    const { h, timers, drops, setNow } = hold();
    h.arm();
    setNow(T0 + SEED_HOLD_MS - 1000);
    h.arm();
    expect(timers.pending()).toEqual([SEED_HOLD_MS]);
    setNow(T0 + SEED_HOLD_MS + 1000);
    expect(h.check()).toBe(false);
    h.disarm();
    expect(timers.pending()).toEqual([]);
    setNow(T0 + 10 * SEED_HOLD_MS);
    expect(h.check()).toBe(false);
    expect(drops()).toBe(0);
  });
});
