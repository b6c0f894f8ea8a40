import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { SavedEntry } from '../services/import/save';
import { planEntries } from '../services/import/plan';
import { token } from '../../test-support/vault/fixtures';
import { useMemoryVault } from '../../test-support/vault/memory-vault';
import type { Io } from './io';
import { saveWithProgress } from './import-save';

// `keyfob import`'s Ctrl+C, without a terminal: the first press stops the save after the account
// being written and says so on standard error; a second ends the process at once with 130.

const t = useMemoryVault();

const io = (err: string[]): Io => ({
  out: () => undefined,
  err: (line) => err.push(line),
  readText: () => Promise.reject(new Error('no files here')),
  readStdin: () => Promise.resolve(null),
  env: {},
  now: () => 0,
});

describe('Ctrl+C during keyfob import', () => {
  it.each([
    // [presses at the 5th keychain write, exit asked for, last line on standard error]
    [1, [], 'keyfob: stopping after the account being saved (Ctrl+C again to quit at once)'],
    [2, [130], /^keyfob: quit at once with 0 accounts reported saved; those being saved are kept or dropped/],
  ] as const)('%i press(es): exit %j, then %s', async (presses, exits, last) => {
    const tokens = Array.from({ length: 40 }, (_, i) => token('Bulk', `u${i}`, i + 1));
    const plan = planEntries(
      [{ entries: tokens.map((t, i) => ({ source: { file: 'f', at: i + 1 }, token: t })), errors: [] }],
      [],
    );
    const signals = new EventEmitter();
    let writes = 0;
    t.store.onCall = (op) => {
      if (op === 'set' && ++writes === 5) for (let n = 0; n < presses; n++) signals.emit('SIGINT');
    };
    const err: string[] = [];
    const exited: number[] = [];
    const saved: SavedEntry[] = [];
    const outcome = await saveWithProgress(
      t.vault,
      plan,
      plan.map(() => 'keep-both'),
      saved,
      io(err),
      {
        json: false,
        signals,
        exit: (code) => void exited.push(code) as never,
      },
    );
    expect([outcome, saved.filter(Boolean).length, (await t.vault.list()).length]).toEqual(['stopped', 5, 5]);
    expect(exited).toEqual(exits);
    expect(err.at(-1)).toMatch(last);
    // Ctrl+C is given back once the save is over.
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });
});
