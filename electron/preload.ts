/**
 * The preload bridge: `window.keyfob`, one async function per contract channel plus `on()` for
 * pushed events. Runs sandboxed, so it imports only `electron` (the contract's channel list is
 * bundled in). The renderer never sees `ipcRenderer` itself.
 * @see https://www.electronjs.org/docs/latest/tutorial/context-isolation
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS, type KeyfobBridge } from '../shared/ipc-contract';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENTS);

const calls = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
);

const bridge = {
  ...calls,
  on(event: string, listener: (...args: unknown[]) => void): () => void {
    if (!KNOWN_EVENTS.has(event)) throw new Error(`Unknown Keyfob event "${event}".`);
    // Drop Electron's event object: it would hand the renderer `sender` (an ipcRenderer).
    const wrapped = (_event: unknown, ...args: unknown[]): void => listener(...args);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
} as KeyfobBridge;

contextBridge.exposeInMainWorld('keyfob', bridge);
