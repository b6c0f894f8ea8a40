import { useEffect } from 'react';
import type { WindowCommand } from '../../../shared/ipc/shapes';
import { onEvent } from '../bridge';
import { useLatest } from './useLatest';

/** What the window does for each of main's requests (from the tray, the global shortcut, an opened link). */
export type WindowCommandHandlers = {
  [K in WindowCommand['kind']]: (command: Extract<WindowCommand, { kind: K }>) => void;
};

/** While mounted, main's `window:command` events go to `handlers` (the latest ones). */
export function useWindowCommands(handlers: WindowCommandHandlers): void {
  const latest = useLatest(handlers);
  useEffect(
    () =>
      onEvent('window:command', (command) => {
        const handle = latest.current[command.kind] as (c: WindowCommand) => void;
        handle(command);
      }),
    [latest],
  );
}
