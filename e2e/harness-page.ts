import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerIfTrusted } from '../electron/ipc/sender-check';
import type { AppServices } from '../electron/services/app-services';
import { IPC_NAMES } from '../shared/ipc/channels';
import type { WallClock } from './harness-clock';

/** The built preload (run `npx electron-vite build` first): the page runs exactly the app's bridge code. */
export const PRELOAD = join(__dirname, '..', 'out', 'preload', 'index.js');

/**
 * A page whose `window.keyfob` is built by the app's own preload, over stand-ins for the parts of
 * Electron it uses: calls reach `services().receive` (the same argument checks as in the app)
 * through the same sender rule as main's IPC gateway, events arrive as Electron delivers them.
 */
export async function openPage(
  context: BrowserContext,
  services: () => AppServices,
  origin: string,
  clock: WallClock,
  errors: string[],
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await clock.applyTo(page, true);
  await page.exposeBinding('__keyfobInvoke', async (source, channel: unknown, args: unknown) => {
    const facts = {
      senderId: source.page === page ? 1 : 0,
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === page.mainFrame(),
    };
    const name = String(channel);
    return answerIfTrusted(facts, { webContentsId: 1, origin }, name, () => services().receive(name, args));
  });
  for (const event of IPC_NAMES.events) {
    const forward = (...args: unknown[]): void =>
      void page.evaluate(pushEvent, { event, args }).catch(() => undefined);
    page.on('close', services().on(event, forward));
  }
  const preload = readFileSync(PRELOAD, 'utf8');
  await page.addInitScript({
    content: `(function (require) {\n${preload}\n})((${sandboxRequire.toString()})());`,
  });
  return page;
}

interface HarnessWindow {
  __keyfobInvoke(channel: string, args: unknown[]): Promise<unknown>;
  __keyfobEmit(event: string, args: unknown[]): void;
}

/** Runs in the page: hands an event pushed by main to the preload's listeners. */
function pushEvent({ event, args }: { event: string; args: unknown[] }): void {
  (globalThis as unknown as HarnessWindow).__keyfobEmit(event, args);
}

type Listener = (event: unknown, ...args: unknown[]) => void;

/**
 * Runs in the page before its scripts: the `require` a sandboxed preload gets, whose `electron`
 * holds stand-ins for `contextBridge` and `ipcRenderer`. As in Electron, listeners get an event
 * object (with `sender`) before the arguments, and the exposed API is frozen.
 */
function sandboxRequire(): (id: string) => unknown {
  const win = globalThis as unknown as HarnessWindow;
  let listeners: Array<[string, Listener]> = [];
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => win.__keyfobInvoke(channel, args),
    on: (event: string, l: Listener) => void listeners.push([event, l]),
    removeListener: (event: string, l: Listener) =>
      void (listeners = listeners.filter(([e, x]) => e !== event || x !== l)),
  };
  const emit = (event: string, args: unknown[]) =>
    listeners.filter(([e]) => e === event).forEach(([, l]) => l({ sender: ipcRenderer }, ...args));
  Object.defineProperty(win, '__keyfobEmit', { value: emit });
  const contextBridge = {
    exposeInMainWorld: (key: string, api: object) =>
      Object.defineProperty(win, key, { value: Object.freeze(api), enumerable: true }),
  };
  return (id) => {
    if (id !== 'electron') throw new Error(`A sandboxed preload cannot require ${id}.`);
    return { contextBridge, ipcRenderer };
  };
}
