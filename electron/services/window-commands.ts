import type { WindowCommand } from '../../shared/ipc/shapes';

/**
 * How long a window command waits for the window to take it. A command is what the user wanted
 * at that moment (Settings from the tray, the search field from the shortcut, a screen scan); while
 * Keyfob is locked or its window is still loading it waits, but carried out much later it would
 * surprise: Settings popping up after tomorrow morning's unlock, or a screen scan capturing whatever
 * is on the screen by then. Two minutes is enough to type a password or for a slow start.
 */
export const COMMAND_WAIT_MS = 2 * 60_000;

/** A command and when it was given (ms since the epoch). */
export interface QueuedCommand {
  command: WindowCommand;
  atMs: number;
}

/** `queue` with `command`, given at `atMs`, added last; an earlier one of its kind is replaced (the latest wins). */
export function queueCommand(
  queue: readonly QueuedCommand[],
  command: WindowCommand,
  atMs: number,
): QueuedCommand[] {
  return [...queue.filter((q) => q.command.kind !== command.kind), { command, atMs }];
}

/**
 * The commands of `queue` still to carry out at `nowMs`, in the order they were given. A clock set
 * back counts as time passed too: a command from an hour "ahead" is as doubtful as one an hour old.
 */
export function dueCommands(queue: readonly QueuedCommand[], nowMs: number): WindowCommand[] {
  return queue.filter((q) => Math.abs(nowMs - q.atMs) <= COMMAND_WAIT_MS).map((q) => q.command);
}

/** Commands waiting for the window: given by the tray, the shortcut and links, taken by the window. */
export interface WindowCommands {
  /** Adds `command`, given now. */
  put(command: WindowCommand): void;
  /** The due commands, in order; every waiting command is gone afterwards. */
  take(): WindowCommand[];
}

/** A {@link WindowCommands} on the clock `now`. */
export function windowCommands(now: () => number): WindowCommands {
  let queue: QueuedCommand[] = [];
  return {
    put(command) {
      queue = queueCommand(queue, command, now());
    },
    take() {
      const due = dueCommands(queue, now());
      queue = [];
      return due;
    },
  };
}
