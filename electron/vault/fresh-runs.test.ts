import { describe, expect, it } from 'vitest';
import { freshRuns } from './fresh-runs';

/** A run the test finishes by hand; `log` records when each run starts and ends. */
function manualRuns() {
  const log: string[] = [];
  const finish: Array<(fail?: Error) => void> = [];
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const n = finish.length + 1;
      log.push(`start ${n}`);
      finish.push((fail) => {
        log.push(`end ${n}`);
        if (fail) reject(fail);
        else resolve();
      });
    });
  return { log, finish, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('freshRuns', () => {
  it('a caller arriving during a run waits for the next one; callers meanwhile share it', async () => {
    const m = manualRuns();
    const probe = freshRuns(m.run);
    const first = probe();
    const second = probe();
    const third = probe();
    expect(second).toBe(third);
    expect(m.log).toEqual(['start 1']);
    m.finish[0]?.();
    await first;
    await tick();
    expect(m.log).toEqual(['start 1', 'end 1', 'start 2']);
    m.finish[1]?.(new Error('locked'));
    await expect(second).rejects.toThrow('locked');
    expect(m.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('a failed run does not stop the next; a caller after everything ended starts at once', async () => {
    const m = manualRuns();
    const probe = freshRuns(m.run);
    const first = probe();
    const second = probe();
    m.finish[0]?.(new Error('unavailable'));
    await expect(first).rejects.toThrow('unavailable');
    await tick();
    m.finish[1]?.();
    await second;
    const third = probe();
    expect(m.log.at(-1)).toBe('start 3');
    m.finish[2]?.();
    await third;
  });
});
