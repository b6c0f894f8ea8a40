import type { WebContents } from 'electron';
import type { IpcEvents } from '../../shared/ipc/channels';

/** Pushes a contract event to one window (the preload's `keyfob.on` receives it). */
export function sendEvent<E extends keyof IpcEvents>(
  contents: WebContents,
  event: E,
  ...args: IpcEvents[E]
): void {
  if (!contents.isDestroyed()) contents.send(event, ...args);
}
