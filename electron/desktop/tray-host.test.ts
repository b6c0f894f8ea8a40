import { afterEach, describe, expect, it } from 'vitest';
import { provideWatcher, startPrivateBus, type PrivateBus } from '../../test-support/desktop/private-bus';
import { statusNotifierHost } from './tray-host';

// A real dbus-daemon per test; the watcher is provided with dbus-next, as a panel would provide it.
let bus: PrivateBus | undefined;
afterEach(async () => {
  await bus?.close();
  bus = undefined;
});

describe('statusNotifierHost', () => {
  it.each([
    ['a panel registered as host (KDE, GNOME with AppIndicator)', true, true],
    ['a watcher but no host', false, false],
  ])('%s → %s', async (_name, registered, found) => {
    bus = await startPrivateBus();
    await provideWatcher(bus.bus, registered);
    expect(await statusNotifierHost(bus.path)).toBe(found);
  });

  it('no watcher on the bus (plain GNOME) → false', async () => {
    bus = await startPrivateBus();
    expect(await statusNotifierHost(bus.path)).toBe(false);
  });

  it.each([
    ['no bus address at all', undefined],
    ['a socket nobody listens on', '/nonexistent/keyfob-test-bus'],
  ])('%s → false, never a throw', async (_name, path) => {
    expect(await statusNotifierHost(path)).toBe(false);
  });
});
