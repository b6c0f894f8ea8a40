import { describe, expect, it } from 'vitest';
import { REMINDER_QUIET_MS, reminderDue } from './backup-file';

const NOW = Date.UTC(2026, 2, 2, 12);
const HOUR = 3_600_000;

describe('reminderDue', () => {
  it.each([
    ['no accounts', null, null, null, false],
    ['changed, never backed up, never dismissed', NOW - HOUR, null, null, true],
    ['backed up after the last change', NOW - 2 * HOUR, NOW - HOUR, null, false],
    ['backed up at the instant of the change', NOW - HOUR, NOW - HOUR, null, false],
    ['changed after the last backup', NOW - HOUR, NOW - 2 * HOUR, null, true],
    ['dismissed yesterday', NOW - HOUR, null, NOW - 24 * HOUR, false],
    ['dismissed a week ago', NOW - HOUR, null, NOW - REMINDER_QUIET_MS, true],
    ['dismissed just under a week ago', NOW - HOUR, null, NOW - REMINDER_QUIET_MS + 1, false],
  ] as const)('%s → %s', (_name, lastChange, lastBackupAt, reminderDismissedAt, due) => {
    expect(reminderDue({ lastBackupAt, reminderDismissedAt }, lastChange, NOW)).toBe(due);
  });
});
