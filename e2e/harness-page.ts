import type { BrowserContext, Page } from '@playwright/test';
import { isTrustedSender } from '../electron/ipc/sender-check';
import type { AppServices } from '../electron/services/app-services';
import { CHANNELS, EVENTS, type Channel } from '../shared/ipc-contract';
import type { WallClock } from './harness-clock';

/** A page whose `window.keyfob` forwards to `services()`, accepting calls from its own main frame only. */
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
  // The same sender rule as main's IPC gateway: this page's top frame, showing the app's origin.
  await page.exposeBinding('__keyfobInvoke', async (source, channel: unknown, args: unknown) => {
    const facts = {
      senderId: source.page === page ? 1 : 0,
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === page.mainFrame(),
    };
    if (
      !isTrustedSender(facts, { webContentsId: 1, origin }) ||
      !isChannel(channel) ||
      !Array.isArray(args)
    ) {
      return {
        ok: false,
        error: { code: 'internal', message: 'Rejected a request from an unknown window.' },
      };
    }
    return (services().invoke as (c: Channel, ...a: unknown[]) => Promise<unknown>)(channel, ...args);
  });
  const unsubscribe = services().on('vault:changed', () => {
    page
      .evaluate(() => (globalThis as unknown as HarnessWindow).__keyfobEmit('vault:changed', []))
      .catch(() => undefined);
  });
  page.on('close', unsubscribe);
  await page.addInitScript(installBridge, { channels: [...CHANNELS], events: [...EVENTS] });
  return page;
}

function isChannel(value: unknown): value is Channel {
  return (CHANNELS as readonly unknown[]).includes(value);
}

interface HarnessWindow {
  __keyfobInvoke(channel: string, args: unknown[]): Promise<unknown>;
  __keyfobEmit(event: string, args: unknown[]): void;
  keyfob: unknown;
}

/** Runs in the page before its scripts: builds `window.keyfob` like the preload does. */
function installBridge({ channels, events }: { channels: string[]; events: string[] }): void {
  const win = globalThis as unknown as HarnessWindow;
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>(events.map((e) => [e, new Set()]));
  const bridge: Record<string, unknown> = {};
  for (const channel of channels) bridge[channel] = (...args: unknown[]) => win.__keyfobInvoke(channel, args);
  bridge.on = (event: string, listener: (...args: unknown[]) => void) => {
    const set = listeners.get(event);
    if (set === undefined) throw new Error(`Unknown Keyfob event "${event}".`);
    set.add(listener);
    return () => void set.delete(listener);
  };
  Object.defineProperty(win, '__keyfobEmit', {
    value: (event: string, args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args)),
  });
  Object.defineProperty(win, 'keyfob', { value: Object.freeze(bridge), enumerable: true });
}
