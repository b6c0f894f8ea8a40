import { afterEach, describe, expect, it } from 'vitest';
import { parseKeyUri } from '../core';
import { googleTransferUris } from '../formats/testdata/write-google-transfer';
import {
  RFC_CODE,
  RFC_SECRET,
  closeDesktops,
  desktopTestbed as setup,
} from '../../test-support/desktop/desktop-testbed';

afterEach(closeDesktops);

describe('the tray menu', () => {
  it('lists pinned accounts; choosing one copies its code with the clipboard clearing of the window', async () => {
    const d = await setup();
    const site = await d.add('Site');
    await d.add('Other');
    expect(d.labels()[0]).toBe('No pinned accounts: pin one from its ⋯ menu');
    await d.services.invoke('settings:set', { clearClipboardSeconds: 45 });
    expect(await d.services.invoke('settings:pin', site.id, true)).toMatchObject({
      ok: true,
      value: { pinned: [site.id] },
    });
    await expect.poll(d.labels).toContain('Site: me');
    await d.tray.choose('Site: me');
    expect(d.clipboard.read()).toBe(RFC_CODE);
    expect(d.window.state.shows).toBe(0); // copying needs no window
  });

  it('drops the pin of a deleted account, from the settings and the menu', async () => {
    const d = await setup();
    const [a, b] = [await d.add('A'), await d.add('B')];
    await d.services.invoke('settings:pin', a.id, true);
    await d.services.invoke('settings:pin', b.id, true);
    await expect.poll(d.labels).toEqual(expect.arrayContaining(['A: me', 'B: me']));
    await d.services.invoke('accounts:remove', a.id);
    await expect.poll(async () => (await d.services.settings.get()).pinned).toEqual([b.id]);
    expect(d.labels()).not.toContain('A: me');
  });

  it.each([
    ['an eleventh pin', 10, /at most 10 pinned accounts\. Unpin one first\./],
    ['an account that does not exist', 0, /./],
  ])('refuses %s with a message', async (_name, pins, message) => {
    const d = await setup();
    for (let i = 0; i < pins; i++) await d.services.invoke('settings:pin', (await d.add(`S${i}`)).id, true);
    const id = pins > 0 ? (await d.add('One more')).id : 'no-such-id';
    const reply = await d.services.invoke('settings:pin', id, true);
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect((await d.services.settings.get()).pinned).toHaveLength(pins);
  });

  it('a copy that fails shows the window with the reason', async () => {
    const d = await setup();
    const site = await d.add('Site');
    await d.services.invoke('settings:pin', site.id, true);
    d.secrets.mode = 'locked';
    await expect.poll(d.labels).toContain('Site: me');
    await d.tray.choose('Site: me');
    expect(d.window.state.visible).toBe(true);
    expect(await d.takeCommands()).toEqual([{ kind: 'notice', message: expect.stringMatching(/keychain/i) }]);
  });

  it('Show Keyfob, Settings… and Quit', async () => {
    const d = await setup();
    await d.tray.choose('Show Keyfob');
    expect(d.window.state).toMatchObject({ visible: true, shows: 1 });
    await d.tray.choose('Settings…');
    expect(await d.takeCommands()).toEqual([{ kind: 'settings' }]);
    await d.tray.choose('Quit');
    expect(d.quits).toEqual(['quit']);
  });

  it('Scan QR code from screen… leaves the screen result for the Scan dialog and shows the window', async () => {
    const d = await setup({
      screenCapture: { permission: () => 'granted', capture: async () => [] },
    });
    await d.tray.choose('Scan QR code from screen…');
    expect(d.window.state.visible).toBe(true);
    expect(await d.takeCommands()).toEqual([{ kind: 'scan' }]);
    expect(await d.services.handlers['scan:opened']()).toEqual({ message: expect.any(String), step: null });
    expect(await d.services.handlers['scan:opened']()).toBeNull(); // taken once
  });
});

describe('closing, starting hidden, the tray host', () => {
  it.each([
    ['Windows', 'win32', false, false, 'hide', null],
    ['macOS', 'darwin', false, false, 'hide', null],
    ['Linux with a tray host', 'linux', true, false, 'hide', null],
    [
      'Linux without one',
      'linux',
      false,
      false,
      'close',
      /No system tray was found.*closing the window quits Keyfob/,
    ],
    ['Linux without one, the user sees the icon', 'linux', false, true, 'hide', null],
  ] as const)('%s: closing does "%s"', async (_name, platform, trayHost, seen, action, message) => {
    const d = await setup({ platform, trayHost });
    if (seen) await d.services.settings.set({ trayIconSeen: true });
    expect(d.desktop.closeAction()).toBe(action);
    const { tray } = await d.services.handlers['settings:status']();
    expect(tray.available).toBe(action === 'hide');
    if (message === null) expect(tray.message).toBeNull();
    else expect(tray.message).toMatch(message);
  });

  it('closes for real with close-to-tray off, and once quitting', async () => {
    const d = await setup();
    await d.services.settings.set({ closeToTray: false });
    expect(d.desktop.closeAction()).toBe('close');
    await d.services.settings.set({ closeToTray: true });
    expect(d.desktop.closeAction()).toBe('hide');
    d.desktop.quitting();
    expect(d.desktop.closeAction()).toBe('close');
  });

  it.each([
    [false, 'win32', false, true],
    [true, 'win32', false, false],
    [true, 'win32', true, true],
    [true, 'linux', false, true],
  ] as const)('start hidden %s on %s, a link %s → window shown %s', async (hidden, platform, link, shown) => {
    const d = await setup({ platform });
    await d.services.settings.set({ startHidden: hidden });
    expect(d.desktop.startVisible(link)).toBe(shown);
  });
});

describe('the global shortcut', () => {
  it('registers the default; a press shows the window with the search focused, the next hides it', async () => {
    const d = await setup();
    expect(d.shortcuts.registered).toEqual(['CommandOrControl+Alt+K']);
    expect((await d.services.handlers['settings:status']()).shortcut).toEqual({
      available: true,
      message: null,
    });
    d.shortcuts.press('CommandOrControl+Alt+K');
    await expect.poll(d.takeCommands).toEqual([{ kind: 'focus-search' }]);
    expect(d.window.state.visible).toBe(true);
    d.shortcuts.press('CommandOrControl+Alt+K');
    expect(d.window.state.visible).toBe(false);
  });

  it('without a tray a press minimises instead of hiding', async () => {
    const d = await setup({ platform: 'linux', trayHost: false });
    await d.desktop.toggle();
    await d.desktop.toggle();
    expect(d.window.state).toMatchObject({ visible: true, minimized: true });
  });

  it('a taken shortcut is reported plainly; a new one replaces it; none unregisters', async () => {
    const d = await setup({ taken: ['CommandOrControl+Alt+K'] });
    expect(d.shortcuts.registered).toEqual([]);
    expect((await d.services.handlers['settings:status']()).shortcut).toEqual({
      available: false,
      message:
        'Ctrl+Alt+K could not be registered: another program probably uses it. Choose another shortcut.',
    });
    await d.services.invoke('settings:set', { shortcut: 'Ctrl+Shift+F9' });
    expect(d.shortcuts.registered).toEqual(['Ctrl+Shift+F9']);
    expect((await d.services.handlers['settings:status']()).shortcut.available).toBe(true);
    await d.services.invoke('settings:set', { shortcut: '' });
    expect(d.shortcuts.registered).toEqual([]);
    expect((await d.services.handlers['settings:status']()).shortcut).toEqual({
      available: false,
      message: null,
    });
  });

  it('an invalid shortcut never reaches the desktop', async () => {
    const d = await setup();
    const reply = await d.services.invoke('settings:set', { shortcut: 'K' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/needs Ctrl, Alt/) },
    });
    expect(d.shortcuts.registered).toEqual(['CommandOrControl+Alt+K']);
  });
});

describe('screen sharing and login items', () => {
  it.each([
    ['win32', true, true, null],
    ['darwin', true, true, null],
    ['linux', false, null, /Linux desktops offer apps no way/],
  ] as const)(
    '%s: protection available %s, window protected %s',
    async (platform, available, applied, message) => {
      const d = await setup({ platform, trayHost: true });
      d.desktop.windowCreated();
      expect(d.window.state.contentProtection).toBe(applied);
      const { contentProtection } = await d.services.handlers['settings:status']();
      expect(contentProtection.available).toBe(available);
      if (message) expect(contentProtection.message).toMatch(message);
      if (platform === 'linux') return;
      await d.services.settings.set({ contentProtection: false });
      expect(d.window.state.contentProtection).toBe(false);
    },
  );

  it('start at login follows the setting; a failure is reported, not thrown', async () => {
    const d = await setup();
    await d.services.invoke('settings:set', { startAtLogin: true });
    await expect.poll(() => d.loginItem.enabled).toBe(true);
    const failing = await setup({ loginFails: Object.assign(new Error('x'), { name: 'EACCES' }) });
    await failing.services.invoke('settings:set', { startAtLogin: true });
    await expect
      .poll(async () => (await failing.services.handlers['settings:status']()).startAtLogin.message)
      .toBe('Could not add Keyfob to the programs started at login (EACCES).');
  });
});

describe('links', () => {
  const key = (issuer: string) =>
    `otpauth://totp/${issuer}:me?secret=${RFC_SECRET}&issuer=${issuer}&digits=8`;

  it('a key link goes to the confirm step (preview, code, duplicate), nothing saved, window shown', async () => {
    const d = await setup();
    await d.add('Site');
    await d.desktop.openLinks([key('Site')]);
    expect(d.window.state.visible).toBe(true);
    expect(await d.takeCommands()).toEqual([{ kind: 'scan' }]);
    const opened = await d.services.handlers['scan:opened']();
    expect(opened).toMatchObject({
      message: null,
      step: {
        kind: 'preview',
        preview: { entries: [{ issuer: 'Site', code: { code: RFC_CODE }, duplicateOf: { issuer: 'Site' } }] },
      },
    });
    expect(JSON.stringify(opened)).not.toContain(RFC_SECRET);
    expect(await d.services.handlers['accounts:list']()).toHaveLength(1);
  });

  it.each([
    ['a key without a secret', 'otpauth://totp/Site:me?issuer=Site', /secret/i],
    ['a link far too long', `otpauth://totp/x?secret=${'A'.repeat(20_000)}`, /a scanned code is too long/],
  ])('%s gets the scan path’s message', async (_name, link, message) => {
    const d = await setup();
    await d.desktop.openLinks([link]);
    const opened = await d.services.handlers['scan:opened']();
    const said = opened?.step?.kind === 'other' ? opened.step.message : (opened?.message ?? '');
    expect(said).toMatch(message);
  });

  it('a Google transfer arriving as several links is collected as scanned codes are', async () => {
    const d = await setup();
    const tokens = ['A', 'B', 'C'].flatMap((n) =>
      Array.from({ length: 5 }, (_, i) =>
        parseKeyUri(`otpauth://totp/${n}${i}:me?secret=${RFC_SECRET}&issuer=${n}${i}`),
      ),
    );
    const uris = googleTransferUris(tokens, 77);
    expect(uris).toHaveLength(2);
    await d.desktop.openLinks([uris[1] as string]);
    expect(await d.services.handlers['scan:opened']()).toMatchObject({
      step: { kind: 'transfer', progress: { scanned: 1, total: 2 } },
    });
    await d.desktop.openLinks([uris[0] as string]);
    const done = await d.services.handlers['scan:opened']();
    expect(done?.step?.kind === 'preview' ? done.step.preview.entries.length : 0).toBe(15);
  });
});
