import { describe, expect, it } from 'vitest';
import { attemptWaitMs, MAX_ATTEMPT_WAIT_MS, PasswordAttempts } from './attempts';

describe('attemptWaitMs', () => {
  it.each([
    [0, 0],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [8, 128_000],
    [9, 256_000],
    [10, MAX_ATTEMPT_WAIT_MS],
    [1_000, MAX_ATTEMPT_WAIT_MS],
  ])('after %d wrong passwords: %d ms', (failures, ms) => {
    expect(attemptWaitMs(failures)).toBe(ms);
  });
});

describe('PasswordAttempts', () => {
  it('makes each wrong password wait longer, refuses early tries, and forgets after a right one', async () => {
    let mono = 0;
    const attempts = new PasswordAttempts(() => mono);
    const wrong = () => Promise.resolve(false);
    expect(await attempts.attempt(wrong)).toBe(false);
    expect(attempts.waitMs()).toBe(1_000);
    await expect(attempts.attempt(wrong)).rejects.toMatchObject({
      code: 'busy',
      message: 'Wait 1 s before trying again.',
    });
    mono += 1_000;
    expect(await attempts.attempt(wrong)).toBe(false);
    expect(attempts.waitMs()).toBe(2_000);
    mono += 2_000;
    expect(await attempts.attempt(() => Promise.resolve(true))).toBe(true);
    expect(attempts.waitMs()).toBe(0);
    expect(await attempts.attempt(wrong)).toBe(false);
    expect(attempts.waitMs()).toBe(1_000);
  });

  it('checks one password at a time', async () => {
    const attempts = new PasswordAttempts(() => 0);
    let finish: (ok: boolean) => void = () => undefined;
    const first = attempts.attempt(() => new Promise((resolve) => (finish = resolve)));
    await expect(attempts.attempt(() => Promise.resolve(true))).rejects.toMatchObject({ code: 'busy' });
    finish(true);
    expect(await first).toBe(true);
  });
});
