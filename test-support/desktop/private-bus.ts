import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import dbus, { sessionBus, type MessageBus } from 'dbus-next';

/** A private session bus (a real dbus-daemon) for one test, and a connection on it to provide services with. */
export interface PrivateBus {
  /** The daemon's address, as DBUS_SESSION_BUS_ADDRESS would hold it. */
  address: string;
  /** The unix socket path inside it (what the built-in client connects to). */
  path: string;
  /** A dbus-next connection to it. */
  bus: MessageBus;
  close(): Promise<void>;
}

/** Starts `dbus-daemon --session` on a fresh socket; rejects when the daemon is not installed. */
export async function startPrivateBus(): Promise<PrivateBus> {
  const daemon: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    // Its stderr only complains that a test may not raise the fd limit.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    daemon.once('error', reject);
    createInterface({ input: daemon.stdout as NodeJS.ReadableStream }).once('line', (line) =>
      resolve(line.trim()),
    );
  });
  const path = /unix:path=([^,]+)/.exec(address)?.[1] ?? /unix:abstract=([^,]+)/.exec(address)?.[1];
  if (path === undefined) throw new Error(`Unexpected bus address ${address}`);
  const bus = sessionBus({ busAddress: address });
  return {
    address,
    path: address.includes('abstract=') ? `\0${path}` : path,
    bus,
    async close() {
      bus.disconnect();
      daemon.kill();
      await new Promise((resolve) => daemon.once('exit', resolve));
    },
  };
}

/**
 * Puts a StatusNotifierWatcher on `bus`, whose IsStatusNotifierHostRegistered property says
 * `hostRegistered`, as a desktop's panel (KDE Plasma, GNOME's AppIndicator extension) does.
 */
export async function provideWatcher(bus: MessageBus, hostRegistered: boolean): Promise<void> {
  const { Interface, ACCESS_READ } = dbus.interface;
  class Watcher extends Interface {
    get IsStatusNotifierHostRegistered(): boolean {
      return hostRegistered;
    }
  }
  Watcher.configureMembers({
    properties: { IsStatusNotifierHostRegistered: { signature: 'b', access: ACCESS_READ } },
  });
  bus.export('/StatusNotifierWatcher', new Watcher('org.kde.StatusNotifierWatcher'));
  await bus.requestName('org.kde.StatusNotifierWatcher', 0);
}
