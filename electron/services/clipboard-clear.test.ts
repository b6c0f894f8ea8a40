import { describe, expect, it } from 'vitest';
import { clipboardKeeper, type Timers } from './clipboard-clear';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';

/** Timers run by hand: `fire()` runs whatever is still scheduled. */
function manualTimers(): Timers & { fire(): void; scheduled: number[] } {
  let next: { fn: () => void; id: number } | null = null;
  let ids = 0;
  const scheduled: number[] = [];
  return {
    scheduled,
    setTimeout(fn, ms) {
      scheduled.push(ms);
      next = { fn, id: ++ids };
      return next.id;
    },
    clearTimeout(id) {
      if (next?.id === id) next = null;
    },
    fire() {
      const due = next;
      next = null;
      due?.fn();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('clipboardKeeper', () => {
  it.each([
    ['clears its own code when the time is up', null, ''],
    ['leaves something the user copied since', 'user text', 'user text'],
  ])('%s', async (_name, userCopy, expected) => {
    const clipboard = recordingClipboard();
    const timers = manualTimers();
    const keeper = clipboardKeeper(clipboard, timers);
    await keeper.copy('123456', 30);
    expect(timers.scheduled).toEqual([30_000]);
    if (userCopy !== null) await clipboard.writeText(userCopy);
    timers.fire();
    await settle();
    expect(clipboard.read()).toBe(expected);
  });

  it('never schedules a clear for 0 seconds', async () => {
    const timers = manualTimers();
    await clipboardKeeper(recordingClipboard(), timers).copy('123456', 0);
    expect(timers.scheduled).toEqual([]);
  });

  it('a second copy replaces the pending clear (the same code copied twice lives the full delay)', async () => {
    const clipboard = recordingClipboard();
    const timers = manualTimers();
    const keeper = clipboardKeeper(clipboard, timers);
    await keeper.copy('111111', 30);
    await keeper.copy('222222', 30);
    timers.fire();
    await settle();
    expect(clipboard.writes).toEqual(['111111', '222222', '']);
  });

  it('flush wipes a pending code at quit, and only that', async () => {
    const clipboard = recordingClipboard();
    const keeper = clipboardKeeper(clipboard, manualTimers());
    await keeper.copy('333333', 30);
    await keeper.flush();
    expect(clipboard.read()).toBe('');
    await clipboard.writeText('mine');
    await keeper.flush();
    expect(clipboard.read()).toBe('mine');
  });

  it.each([
    ['with a clear pending', 30, null, ''],
    ['with clearing set to never', 0, null, ''],
    ['not what the user copied since', 30, 'mine', 'mine'],
  ])('wipe (the app locks) clears its last code %s', async (_name, seconds, userCopy, expected) => {
    const clipboard = recordingClipboard();
    const timers = manualTimers();
    const keeper = clipboardKeeper(clipboard, timers);
    await keeper.copy('444444', seconds);
    if (userCopy !== null) await clipboard.writeText(userCopy);
    await keeper.wipe();
    expect(clipboard.read()).toBe(expected);
    await clipboard.writeText('later');
    timers.fire(); // the timer went with the wipe
    await keeper.wipe(); // and so did the code: nothing of the user's is touched
    await settle();
    expect(clipboard.read()).toBe('later');
  });
});
