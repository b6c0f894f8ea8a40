import type { KeyfobBridge } from '../shared/ipc/channels';

/** The part of Electron's `ipcRenderer` the bridge uses (the e2e harness supplies its own). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.keyfob`: one async function per channel, forwarding its arguments to `ipc.invoke`,
 * and `on()` for the pushed events. Listeners get the event's arguments only: Electron's event
 * object would hand the renderer `sender` (an ipcRenderer).
 */
export function createBridge(
  names: { channels: readonly string[]; events: readonly string[] },
  ipc: BridgeIpc,
): KeyfobBridge {
  const events = new Set(names.events);
  const calls = names.channels.map((c) => [c, (...args: unknown[]) => ipc.invoke(c, ...args)]);
  return {
    ...Object.fromEntries(calls),
    on(event: string, listener: (...args: unknown[]) => void): () => void {
      if (!events.has(event)) throw new Error(`Unknown Keyfob event "${event}".`);
      const wrapped = (_event: unknown, ...args: unknown[]): void => listener(...args);
      ipc.on(event, wrapped);
      return () => void ipc.removeListener(event, wrapped);
    },
  } as KeyfobBridge;
}
