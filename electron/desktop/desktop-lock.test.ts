import { afterEach, describe, expect, it } from 'vitest';
import {
  RFC_CODE,
  RFC_SECRET,
  closeDesktops,
  desktopTestbed,
} from '../../test-support/desktop/desktop-testbed';

// The tray, links and the global shortcut while the optional app lock is locked.
afterEach(closeDesktops);

const PASSWORD = 'correct horse';
const link = `otpauth://totp/Site:me?secret=${RFC_SECRET}&issuer=Site&digits=8`;

/** A desktop with one pinned account and a lock password, locked; `captures` counts screen captures. */
async function lockedDesktop() {
  let captures = 0;
  const d = await desktopTestbed({
    screenCapture: {
      permission: () => 'granted',
      capture: async () => {
        captures++;
        return [];
      },
    },
  });
  const site = await d.add('Site');
  await d.services.invoke('settings:pin', site.id, true);
  await expect.poll(d.labels).toContain('Site: me');
  await d.services.handlers['lock:set-password'](null, PASSWORD);
  await expect.poll(d.labels).toContain('Lock Keyfob');
  await d.tray.choose('Lock Keyfob');
  return { ...d, captures: () => captures };
}

describe('Lock Keyfob', () => {
  it('is in the tray menu only with a lock password, while Keyfob is open', async () => {
    const d = await desktopTestbed();
    expect(d.labels()).not.toContain('Lock Keyfob');
    await d.services.handlers['lock:set-password'](null, PASSWORD);
    await expect.poll(d.labels).toContain('Lock Keyfob');
    await d.tray.choose('Lock Keyfob');
    expect(d.services.isLocked()).toBe(true);
    await expect.poll(d.labels).not.toContain('Lock Keyfob');
    await d.services.handlers['lock:unlock'](PASSWORD);
    await expect.poll(d.labels).toContain('Lock Keyfob');
    await d.services.handlers['lock:remove-password'](PASSWORD);
    await expect.poll(d.labels).not.toContain('Lock Keyfob');
  });

  it('wipes a code the tray copied, even with clearing set to never', async () => {
    const d = await desktopTestbed();
    const site = await d.add('Site');
    await d.services.invoke('settings:set', { clearClipboardSeconds: 0 });
    await d.services.invoke('settings:pin', site.id, true);
    await d.services.handlers['lock:set-password'](null, PASSWORD);
    await expect.poll(d.labels).toContain('Site: me');
    await d.tray.choose('Site: me');
    expect(d.clipboard.read()).toBe(RFC_CODE);
    await d.tray.choose('Lock Keyfob');
    await expect.poll(() => d.clipboard.read()).toBe('');
  });
});

describe('while locked', () => {
  it('the tray names no pinned account; unlocking brings the pins back', async () => {
    const d = await lockedDesktop();
    await expect.poll(d.labels).not.toContain('Site: me');
    expect(d.labels()[0]).toBe('Keyfob is locked: show it to unlock');
    await d.services.handlers['lock:unlock'](PASSWORD);
    await expect.poll(d.labels).toContain('Site: me');
    await d.tray.choose('Site: me');
    expect(d.clipboard.read()).toBe(RFC_CODE);
  });

  it('the tray’s screen scan shows the unlock form and captures nothing until the window takes it, unlocked', async () => {
    const d = await lockedDesktop();
    await d.tray.choose('Scan QR code from screen…');
    await d.tray.choose('Scan QR code from screen…');
    expect(d.window.state.visible).toBe(true);
    expect(await d.takeCommands()).toBe('app-locked');
    expect(d.captures()).toBe(0);
    await d.services.handlers['lock:unlock'](PASSWORD);
    expect(await d.takeCommands()).toEqual([{ kind: 'scan-screen' }]); // asked twice, carried out once
    expect(d.captures()).toBe(0); // the window runs scan:screens itself, now that it is open
  });

  it('Settings… and the shortcut wait for the unlock, in the order given', async () => {
    const d = await lockedDesktop();
    await d.tray.choose('Settings…');
    await d.desktop.toggle(); // the window is focused: the shortcut hides it
    await d.desktop.toggle(); // and shows it again with the search field asked for
    expect(await d.takeCommands()).toBe('app-locked');
    await d.services.handlers['lock:unlock'](PASSWORD);
    expect(await d.takeCommands()).toEqual([{ kind: 'settings' }, { kind: 'focus-search' }]);
    expect(await d.takeCommands()).toEqual([]);
  });

  it('a tray item chosen as the lock comes on copies nothing: the window shows its unlock form', async () => {
    const d = await desktopTestbed();
    const site = await d.add('Site');
    await d.services.handlers['lock:set-password'](null, PASSWORD);
    d.services.lockNow();
    await d.desktop.choose(`copy:${site.id}`);
    expect(d.clipboard.read()).toBe('');
    expect(d.window.state.visible).toBe(true);
    await d.services.handlers['lock:unlock'](PASSWORD);
    expect(await d.takeCommands()).toEqual([]);
  });

  it('a link shows the unlock form at once and reaches the confirm step after the unlock', async () => {
    const d = await lockedDesktop();
    let done = false;
    const opening = d.desktop.openLinks([link]).then(() => (done = true));
    await expect.poll(() => d.window.state.visible).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    await d.services.handlers['lock:unlock'](PASSWORD);
    await opening;
    expect(await d.takeCommands()).toEqual([{ kind: 'scan' }]);
    expect(await d.services.handlers['scan:opened']()).toMatchObject({
      message: null,
      step: { kind: 'preview', preview: { entries: [{ issuer: 'Site', code: { code: RFC_CODE } }] } },
    });
  });

  it('links opened while locked go in one at a time, in the order they came', async () => {
    const d = await lockedDesktop();
    const first = d.desktop.openLinks([link.replace('Site', 'First')]);
    const second = d.desktop.openLinks(['otpauth://totp/Bad:me?issuer=Bad']);
    await d.services.handlers['lock:unlock'](PASSWORD);
    await Promise.all([first, second]);
    // The last one's step waits for the Scan dialog: the bad link's message, after the first's preview.
    expect(await d.takeCommands()).toEqual([{ kind: 'scan' }]);
    const opened = await d.services.handlers['scan:opened']();
    expect(opened?.step?.kind === 'other' ? opened.step.message : opened?.message).toMatch(/secret/i);
  });
});
