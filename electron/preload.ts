/**
 * The preload: exposes `window.keyfob` (built by preload-bridge.ts) over Electron's ipcRenderer;
 * the renderer never sees `ipcRenderer` itself. It runs sandboxed, so it may import only
 * `electron`: the channel and event names are written in at build time from the channel table
 * (electron.vite.config.ts), which keeps the argument schemas and their validator out of it.
 * @see https://www.electronjs.org/docs/latest/tutorial/context-isolation
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge';

declare const KEYFOB_IPC_NAMES: { channels: string[]; events: string[] };

contextBridge.exposeInMainWorld('keyfob', createBridge(KEYFOB_IPC_NAMES, ipcRenderer));
