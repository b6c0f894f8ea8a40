import { describe, expect, it } from 'vitest';
import type { WindowCommand } from '../../shared/ipc/shapes';
import {
  COMMAND_WAIT_MS,
  dueCommands,
  queueCommand,
  windowCommands,
  type QueuedCommand,
} from './window-commands';

const SETTINGS: WindowCommand = { kind: 'settings' };
const SEARCH: WindowCommand = { kind: 'focus-search' };
const SCREEN: WindowCommand = { kind: 'scan-screen' };
const notice = (message: string): WindowCommand => ({ kind: 'notice', message });

/** A queue built from [command, given at] pairs, in order. */
const given = (...pairs: Array<[WindowCommand, number]>): QueuedCommand[] =>
  pairs.reduce<QueuedCommand[]>((queue, [command, at]) => queueCommand(queue, command, at), []);

describe('queueCommand', () => {
  it.each([
    ['different kinds all wait, in the order given', given([SETTINGS, 0], [SEARCH, 5]), [SETTINGS, SEARCH]],
    [
      'a second of a kind replaces the first and goes last',
      given([SETTINGS, 0], [SEARCH, 5], [SETTINGS, 9]),
      [SEARCH, SETTINGS],
    ],
    ['the latest notice wins', given([notice('first'), 0], [notice('second'), 1]), [notice('second')]],
  ])('%s', (_name, queue, expected) => {
    expect(queue.map((q) => q.command)).toEqual(expected);
  });
});

describe('dueCommands', () => {
  const queue = given([SETTINGS, 1_000], [SCREEN, 61_000]);
  it.each([
    ['at once', 1_000, [SETTINGS, SCREEN]],
    ['exactly the wait later', 1_000 + COMMAND_WAIT_MS, [SETTINGS, SCREEN]],
    ['a moment after that: the older one is dropped', 1_001 + COMMAND_WAIT_MS, [SCREEN]],
    ['much later: none', 61_001 + COMMAND_WAIT_MS, []],
    ['the clock set back within the wait', 0, [SETTINGS, SCREEN]],
    ['the clock set back by more than the wait since the newer one', 60_999 - COMMAND_WAIT_MS, [SETTINGS]],
  ])('%s', (_name, now, expected) => {
    expect(dueCommands(queue, now)).toEqual(expected);
  });
});

describe('windowCommands', () => {
  it('hands the due commands over once and forgets stale ones', () => {
    let now = 0;
    const commands = windowCommands(() => now);
    commands.put(SETTINGS);
    now = COMMAND_WAIT_MS + 1;
    commands.put(SEARCH);
    expect(commands.take()).toEqual([SEARCH]);
    expect(commands.take()).toEqual([]);
    now += 1;
    expect(commands.take()).toEqual([]); // the stale one went with the first take
  });
});
