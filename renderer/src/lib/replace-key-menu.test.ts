import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/ipc/shapes';
import { canRestoreKey, replaceKeyMenuItems } from './replace-key-menu';

const NOW = Date.UTC(2026, 2, 2);
const DAY = 86_400_000;
const account = (restorableUntil?: number): AccountView =>
  ({
    id: 'a',
    issuer: 'GitHub',
    account: 'me',
    ...(restorableUntil === undefined
      ? {}
      : {
          replacedKey: {
            replacedAt: new Date(restorableUntil - 30 * DAY).toISOString(),
            restorableUntil: new Date(restorableUntil).toISOString(),
          },
        }),
  }) as AccountView;

describe('replace-key menu', () => {
  it.each([
    ['never replaced', undefined, false],
    ['replaced, 29 days left', NOW + 29 * DAY, true],
    ['replaced, a second left', NOW + 1_000, true],
    ['window just ended', NOW, false],
    ['window long over', NOW - DAY, false],
  ] as const)('%s → restorable %s', (_name, until, expected) => {
    expect(canRestoreKey(account(until), NOW)).toBe(expected);
    const ids = replaceKeyMenuItems(account(until), NOW, {
      replace: () => undefined,
      restore: () => undefined,
    }).map((i) => i.id);
    expect(ids).toEqual(expected ? ['replace-key', 'restore-key'] : ['replace-key']);
  });
});
