import { describe, expect, it } from 'vitest';
import { fakePower } from '../../test-support/adapters/fake-power';
import { manualTimers } from '../../test-support/services/manual-timers';
import type { AppLock } from './app-lock';
import { autoLock } from './auto-lock';

/** Auto-lock over a lock stand-in that only records `lock()`, a fake power monitor and manual timers. */
function setup(minutes = 5) {
  const power = fakePower();
  const timers = manualTimers();
  let open = true;
  let now = 0;
  const lock = {
    isOpenWithPassword: () => open,
    lock: () => void (open = false),
  } as AppLock;
  const auto = autoLock({ lock, power, timers, now: () => now, minutes: () => minutes });
  return {
    auto,
    power,
    timers,
    isOpen: () => open,
    pass: (s: number) => void (now += s * 1000),
    reopen: () => void (open = true),
  };
}

describe('auto-lock', () => {
  it.each([['suspend'], ['lock-screen']] as const)('locks on %s', (event) => {
    const { power, isOpen } = setup();
    power.emit(event);
    expect(isOpen()).toBe(false);
  });

  it('does not lock on resume', () => {
    const { power, isOpen } = setup();
    power.emit('resume');
    expect(isOpen()).toBe(true);
  });

  it.each([
    ['the system and the app idle 5 min', 300, 300, true],
    ['the system idle, Keyfob used a minute ago', 300, 60, false],
    ['Keyfob idle, the system used a minute ago', 60, 300, false],
    ['both idle 4 min 59 s', 299, 299, false],
  ])('with %s: locked %s', (_, systemIdle, appIdle, locked) => {
    const { auto, power, isOpen, pass } = setup();
    power.setIdleSeconds(systemIdle);
    pass(appIdle);
    auto.check();
    expect(isOpen()).toBe(!locked);
  });

  it('sleeps one timer until the idle time could be up, then checks again', () => {
    const { auto, power, timers, isOpen, pass } = setup();
    power.setIdleSeconds(1_000);
    pass(60);
    auto.check();
    expect(timers.pending()).toEqual([240_000]);
    pass(240);
    power.setIdleSeconds(30); // someone used the computer meanwhile
    timers.fireAll();
    expect(isOpen()).toBe(true);
    expect(timers.pending()).toEqual([270_000]);
    pass(270);
    power.setIdleSeconds(300);
    timers.fireAll();
    expect(isOpen()).toBe(false);
    expect(timers.pending()).toEqual([]);
  });

  it('restarts the app idle time on activity', () => {
    const { auto, power, isOpen, pass } = setup();
    power.setIdleSeconds(10_000);
    pass(299);
    auto.activity();
    pass(10);
    auto.check();
    expect(isOpen()).toBe(true);
  });

  it('never locks for idle time with 0 minutes, and stops on close', () => {
    const zero = setup(0);
    zero.power.setIdleSeconds(10_000);
    zero.pass(10_000);
    zero.auto.check();
    expect(zero.isOpen()).toBe(true);
    expect(zero.timers.pending()).toEqual([]);

    const { auto, power, isOpen, timers } = setup();
    auto.check();
    auto.close();
    expect(timers.pending()).toEqual([]);
    power.emit('suspend');
    expect(isOpen()).toBe(true);
  });
});
