import { expect as baseExpect, test } from '@playwright/test';
import type { DisplayImage, ScreenCaptureAdapter } from '../electron/adapters/screen-capture';
import { launchApp, type LaunchedApp } from './harness';
import { desktopWithQr, oathtoolTotp, openScan } from './scan-helpers';

// The first decode compiles zxing's 950 kB .wasm in the worker (or main); on two shared, busy
// cores that alone can take seconds, so scan results get more time than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

// The screen path: main captures every display (here a capture adapter handing main two real
// generated desktops, as Chromium cannot give main a desktop), decodes them in worker threads
// running main's built worker file, and the renderer confirms what the display held. Electron's desktopCapturer itself is
// exercised only where the Electron binary exists.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Dropbox:carol?secret=${SECRET}&issuer=Dropbox`;

function displays(second: DisplayImage['frame']): ScreenCaptureAdapter & { captures: number } {
  const adapter = {
    captures: 0,
    permission: () => 'unknown' as const,
    capture: async () => {
      adapter.captures++;
      // A fresh copy each time, as a real capture is: its pixels move to a decoding thread.
      return [
        { label: 'Built-in Display', frame: desktopWithQr(1920, 1080) },
        { label: 'DELL U2720Q', frame: { ...second, data: second.data.slice() } },
      ];
    },
  };
  return adapter;
}

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('a small code on the second display is found, confirmed with its code and added', async () => {
  // A 29-module code at 4 px a module: about 150 px on a 3840×2160 display.
  const capture = displays(desktopWithQr(3840, 2160, { text: URI, x: 3100, y: 1700, module: 4 }));
  app = await launchApp({ nowMs: NOW, screenCapture: capture });
  const dialog = await openScan(app.page);
  await dialog.getByRole('button', { name: 'Screen' }).click();
  const confirm = app.page.getByRole('dialog', { name: 'Add scanned accounts' });
  const code = oathtoolTotp(SECRET, NOW);
  await expect(confirm.getByTestId('scan-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await confirm.getByRole('button', { name: 'Add account' }).click();
  await expect(app.page.getByRole('listitem', { name: /^Dropbox, carol/ })).toBeVisible();
  expect(capture.captures).toBe(1);
  // What crosses to the renderer: the display, a sentence and a preview — never the decoded text.
  const again = await app.call('scan:screens');
  expect(again).toMatchObject({
    ok: true,
    value: {
      display: 'DELL U2720Q',
      step: { kind: 'preview', preview: { entries: [{ issuer: 'Dropbox' }] } },
    },
  });
  expect(JSON.stringify(again)).not.toMatch(new RegExp(`${SECRET}|otpauth`, 'i'));
});

test('a display holding a link says which display and what it held; nothing is added', async () => {
  const capture = displays(
    desktopWithQr(2560, 1440, { text: 'https://example.com', x: 100, y: 100, module: 5 }),
  );
  app = await launchApp({ nowMs: NOW, screenCapture: capture });
  const dialog = await openScan(app.page);
  await dialog.getByRole('button', { name: 'Screen' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Found a QR code on DELL U2720Q. This QR code holds a link, not an authenticator key. Nothing was added.',
  );
  expect(await app.call('accounts:list')).toEqual({ ok: true, value: [] });
  expect(await app.call('scan:screens')).toMatchObject({ ok: true, value: { displays: 2 } });
});

test('no code on any display', async () => {
  app = await launchApp({ nowMs: NOW, screenCapture: displays(desktopWithQr(2560, 1440)) });
  const dialog = await openScan(app.page);
  await dialog.getByRole('button', { name: 'Screen' }).click();
  await expect(dialog.getByRole('status')).toHaveText('No QR code was found on any of your 2 displays.');
});
