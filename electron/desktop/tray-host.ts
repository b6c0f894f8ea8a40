import { DbusClient, sessionBusPath } from '../vault/secret-service/dbus-client';

// Electron cannot tell whether a Linux desktop will show a tray icon: with no StatusNotifierItem
// host (GNOME without the AppIndicator extension, for one) the icon is simply not drawn. The hosts
// register with the StatusNotifierWatcher on the session bus, which says whether one did.
// @see https://www.freedesktop.org/wiki/Specifications/StatusNotifierItem/StatusNotifierWatcher/

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** How long the session bus gets to answer before the answer counts as "no host". */
const ANSWER_MS = 1_500;

/**
 * True when a StatusNotifierItem host (a panel that draws tray icons) is registered on the session
 * bus at `busPath`; false when there is none, no watcher, no bus, or no answer in time. Never throws.
 */
export async function statusNotifierHost(busPath: string | undefined = sessionBusPath()): Promise<boolean> {
  if (busPath === undefined) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The session bus did not answer.')), ANSWER_MS);
  });
  late.catch(() => undefined);
  const connecting = DbusClient.connect(busPath, ANSWER_MS);
  try {
    const client = await Promise.race([connecting, late]);
    const [answer] = await Promise.race([
      client.call({
        destination: WATCHER,
        path: '/StatusNotifierWatcher',
        interface: 'org.freedesktop.DBus.Properties',
        member: 'Get',
        signature: 'ss',
        body: [WATCHER, 'IsStatusNotifierHostRegistered'],
        reply: 'v',
      }),
      late,
    ]);
    return (
      typeof answer === 'object' &&
      !Array.isArray(answer) &&
      !(answer instanceof Uint8Array) &&
      answer.value === true
    );
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    // Closed however it went, also when it connects after the answer was given up on.
    connecting.then(
      (client) => client.close(),
      () => undefined,
    );
  }
}
