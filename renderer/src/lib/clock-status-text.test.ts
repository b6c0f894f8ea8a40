import { describe, expect, it } from 'vitest';
import type { ClockStatus } from '../../../shared/ipc/shapes';
import { clockStatusText } from './clock-status-text';

const base: ClockStatus = { server: 'time.example', measurement: null, corrected: false, refusedCode: null };
const measured = { offsetMs: -42_400, delayMs: 17.6, atMs: 0 };

describe('clockStatusText', () => {
  it.each<[string, Partial<ClockStatus>, string]>([
    [
      'nothing measured',
      {},
      'No answer from time.example yet. Keyfob asks at start, every 6 hours and after sleep.',
    ],
    ['a measurement', { measurement: measured }, "Your computer's clock is 42 s fast (round trip 18 ms)."],
    [
      'a measurement in use',
      { measurement: measured, corrected: true },
      "Your computer's clock is 42 s fast (round trip 18 ms). Codes use the corrected time.",
    ],
    [
      'a refusal',
      { measurement: measured, refusedCode: 'DENY' },
      'time.example asked Keyfob to stop asking (DENY). Choose another time server.',
    ],
  ])('%s', (_, patch, text) => {
    expect(clockStatusText({ ...base, ...patch })).toBe(text);
  });
});
