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

/** A desktop with one pinned account and a lock password, locked. */
async function lockedDesktop() {
  const d = await desktopTestbed();
  const site = await d.add('Site');
  await d.services.invoke('settings:pin', site.id, true);
  await expect.poll(d.labels).toContain('Site: me');
  await d.services.handlers['lock:set-password'](null, PASSWORD);
  d.services.lockNow();
  return d;
}

describe('while locked', () => {
  it('the tray names no pinned account and scans nothing; unlocking brings the pins back', async () => {
    const d = await lockedDesktop();
    await expect.poll(d.labels).not.toContain('Site: me');
    expect(d.labels()[0]).toBe('Keyfob is locked: show it to unlock');
    await expect(d.tray.choose('Scan QR code from screen…')).rejects.toThrow();
    await d.services.handlers['lock:unlock'](PASSWORD);
    await expect.poll(d.labels).toContain('Site: me');
    await d.tray.choose('Site: me');
    expect(d.clipboard.read()).toBe(RFC_CODE);
  });

  it('a tray item chosen as the lock comes on copies nothing: the window shows its unlock form', async () => {
    const d = await desktopTestbed();
    const site = await d.add('Site');
    await d.services.handlers['lock:set-password'](null, PASSWORD);
    d.services.lockNow();
    await d.desktop.choose(`copy:${site.id}`);
    expect(d.clipboard.read()).toBe('');
    expect(d.window.state.visible).toBe(true);
    expect(d.commands).toEqual([]);
  });

  it('a link shows the unlock form at once and reaches the confirm step after the unlock', async () => {
    const d = await lockedDesktop();
    let done = false;
    const opening = d.desktop.openLinks([link]).then(() => (done = true));
    await expect.poll(() => d.window.state.visible).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    expect(d.commands).toEqual([]);
    await d.services.handlers['lock:unlock'](PASSWORD);
    await opening;
    expect(d.commands).toEqual([{ kind: 'scan' }]);
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
    expect(d.commands).toEqual([{ kind: 'scan' }, { kind: 'scan' }]);
    const opened = await d.services.handlers['scan:opened']();
    expect(opened?.step?.kind === 'other' ? opened.step.message : opened?.message).toMatch(/secret/i);
  });
});
