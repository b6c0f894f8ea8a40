import { describe, expect, it, vi } from 'vitest';
import { IPC_NAMES } from '../shared/ipc/channels';
import { createBridge, type BridgeIpc } from './preload-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer stand-in that records calls and delivers events as Electron does (event object first). */
function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: (event: string, l: Listener) => listeners.set(event, (listeners.get(event) ?? new Set()).add(l)),
    removeListener: (event: string, l: Listener) => listeners.get(event)?.delete(l),
    emit: (event: string, ...args: unknown[]) =>
      listeners.get(event)?.forEach((l) => l({ sender: ipc }, ...args)),
  } satisfies BridgeIpc & { emit: unknown };
  return ipc;
}

describe('the preload bridge', () => {
  it('has one function per channel of the table, and on()', () => {
    const bridge = createBridge(IPC_NAMES, fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual([...IPC_NAMES.channels, 'on'].sort());
  });

  it.each(IPC_NAMES.channels)('%s forwards its arguments as they are', async (channel) => {
    const ipc = fakeIpc();
    const call = createBridge(IPC_NAMES, ipc)[channel] as (...a: unknown[]) => Promise<unknown>;
    expect(await call('x', { y: 1 })).toEqual({ channel, args: ['x', { y: 1 }] });
    expect(ipc.invoke).toHaveBeenCalledTimes(1);
  });

  it("hands listeners the event's arguments only, never Electron's event object, until unsubscribed", () => {
    const ipc = fakeIpc();
    const seen: unknown[][] = [];
    const off = createBridge(IPC_NAMES, ipc).on('vault:changed', (...args: unknown[]) => seen.push(args));
    ipc.emit('vault:changed');
    off();
    ipc.emit('vault:changed');
    expect(seen).toEqual([[]]);
  });

  it('refuses events outside the table', () => {
    const bridge = createBridge(IPC_NAMES, fakeIpc());
    expect(() => bridge.on('accounts:steal' as 'vault:changed', () => undefined)).toThrow(
      'Unknown Keyfob event "accounts:steal".',
    );
  });
});
