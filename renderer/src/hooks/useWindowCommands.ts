import { useEffect } from 'react';
import type { WindowCommand } from '../../../shared/ipc/shapes';
import { call, onEvent } from '../bridge';
import { useLatest } from './useLatest';

/** What the window does for each of main's requests (from the tray, the global shortcut, an opened link). */
export type WindowCommandHandlers = {
  [K in WindowCommand['kind']]: (command: Extract<WindowCommand, { kind: K }>) => void;
};

/**
 * While mounted, the commands main holds for the window go to `handlers` (the latest ones): taken
 * at mount, so those given while Keyfob was locked or before the window rendered are carried out
 * now, and again whenever main says more are waiting. A refusal (the app just locked) leaves them
 * in main for the next mount.
 */
export function useWindowCommands(handlers: WindowCommandHandlers): void {
  const latest = useLatest(handlers);
  useEffect(() => {
    const take = (): void =>
      void call('window:take-commands').then(
        (commands) =>
          commands.forEach((command) => {
            const handle = latest.current[command.kind] as (c: WindowCommand) => void;
            handle(command);
          }),
        () => undefined,
      );
    take();
    return onEvent('window:commands-waiting', take);
  }, [latest]);
}
