import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { qrPng } from './scan-helpers';

// What only a real Electron can answer: window options, the IPC sender check, navigation and
// permission refusals, single instance, the remembered window position, desktopCapturer, the native
// confirmation before a key is shown, the application menu, the command-line mode, and the desktop
// side's real APIs (links on the command line and open-url, globalShortcut, content protection,
// closing to the tray). The harness
// specs cover everything else in Chromium. Needs `npx electron-vite build` and the Electron binary
// (`npx install-electron --no`).
const electronDir = dirname(require.resolve('electron/package.json'));
const electronAvailable = existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist'));
const MAIN = join(__dirname, '..', 'out', 'main', 'index.js');
const PRELOAD = join(__dirname, '..', 'out', 'preload', 'index.js');

// CI workflows set KEYFOB_REQUIRE_ELECTRON=1 after installing Electron: there a missing binary
// is a failure, not a reason to skip.
if (!electronAvailable && process.env.KEYFOB_REQUIRE_ELECTRON === '1') {
  throw new Error(
    'KEYFOB_REQUIRE_ELECTRON=1 but the Electron binary is not installed; run `npx install-electron --no` first',
  );
}
const SKIP_REASON =
  'Electron binary not installed (npm ci does not fetch it; the first npm start does); runs where it exists';
if (!electronAvailable) console.log(`electron-only.spec.ts skipped: ${SKIP_REASON}`);
test.skip(!electronAvailable, SKIP_REASON);

let home: string;
let env: Record<string, string>;
let app: ElectronApplication;
let win: Page;

const launch = async (): Promise<void> => {
  app = await electron.launch({ args: [MAIN], env });
  win = await app.firstWindow();
  await win.waitForLoadState('domcontentloaded');
};

test.beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-electron-'));
  env = {
    ...(process.env as Record<string, string>),
    KEYFOB_HOME: home,
    KEYFOB_KEYCHAIN_SERVICE: `Keyfob e2e ${randomUUID()}`,
  };
  await launch();
});
test.afterEach(async () => {
  await app?.close().catch(() => undefined);
  await rm(home, { recursive: true, force: true });
});

test('the window is isolated, sandboxed, without Node, on app:// with the CSP header', async () => {
  // getLastWebPreferences is Electron's own (undocumented) view of what the renderer got.
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): object;
    };
    return contents.getLastWebPreferences();
  });
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  });
  expect(win.url()).toBe('app://keyfob/index.html');
  expect(
    await win.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
  const csp = await win.evaluate(() =>
    fetch('/index.html').then((r) => r.headers.get('content-security-policy')),
  );
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  const list = await win.evaluate(() =>
    (globalThis as unknown as { keyfob: { 'accounts:list': () => Promise<unknown> } }).keyfob[
      'accounts:list'
    ](),
  );
  expect(list).toEqual({ ok: true, value: [] });
});

test('IPC from any other window is refused', async () => {
  const reply = await app.evaluate(async ({ BrowserWindow }, preload) => {
    const other = new BrowserWindow({
      show: false,
      webPreferences: { preload, sandbox: true, contextIsolation: true },
    });
    await other.loadURL('app://keyfob/index.html');
    return other.webContents.executeJavaScript("window.keyfob['accounts:list']()");
  }, PRELOAD);
  expect(reply).toEqual({
    ok: false,
    error: { code: 'internal', message: 'Rejected a request from an unknown window.' },
  });
});

test('navigation, new windows and permissions other than camera are refused', async () => {
  await win.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await win.waitForTimeout(500);
  expect(win.url()).toBe('app://keyfob/index.html');
  const opened = await win.evaluate(
    () => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/') === null,
  );
  expect(opened).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const notification = await win.evaluate(() =>
    (
      globalThis as unknown as { Notification: { requestPermission(): Promise<string> } }
    ).Notification.requestPermission(),
  );
  expect(notification).toBe('denied');
  // Screen capture from the page is refused too: main captures screens itself.
  const display = await win.evaluate(() =>
    (
      globalThis as unknown as {
        navigator: { mediaDevices: { getDisplayMedia(c: unknown): Promise<unknown> } };
      }
    ).navigator.mediaDevices
      .getDisplayMedia({ video: true })
      .then(
        () => 'granted',
        () => 'refused',
      ),
  );
  expect(display).toBe('refused');
});

test('Show QR asks with a native message box first; Cancel sends nothing to the window', async () => {
  const added = (await win.evaluate(() =>
    (globalThis as unknown as { keyfob: { 'accounts:add': (...a: unknown[]) => Promise<unknown> } }).keyfob[
      'accounts:add'
    ](
      {
        issuer: 'GitHub',
        account: 'me',
        secret: 'JBSWY3DPEHPK3PXP',
        type: 'totp',
        algorithm: 'SHA1',
        digits: '6',
        period: '30',
        counter: '0',
      },
      { allowDuplicate: false },
    ),
  )) as { value: { id: string } };
  // Answer the real dialog.showMessageBox with Cancel (button 1), remembering what it said.
  await app.evaluate(({ dialog }) => {
    const g = globalThis as { asked?: string[] };
    g.asked = [];
    (dialog as unknown as { showMessageBox: (...a: unknown[]) => Promise<unknown> }).showMessageBox = async (
      ...args: unknown[]
    ) => {
      const options = args.at(-1) as { message: string; buttons: string[]; cancelId: number };
      g.asked?.push(`${options.message} [${options.buttons.join('|')}] cancel=${options.cancelId}`);
      return { response: 1, checkboxChecked: false };
    };
  });
  const reply = await win.evaluate(
    (id) =>
      (globalThis as unknown as { keyfob: { 'accounts:show-qr': (id: string) => Promise<unknown> } }).keyfob[
        'accounts:show-qr'
      ](id),
    added.value.id,
  );
  expect(reply).toEqual({ ok: true, value: null });
  expect(await app.evaluate(() => (globalThis as { asked?: string[] }).asked)).toEqual([
    'Show the secret key of GitHub: me as a QR code? [Show QR code|Cancel] cancel=1',
  ]);
});

test('a second launch focuses the first and exits', async () => {
  const executable = await app.evaluate(({ app: a }) => a.getPath('exe'));
  const second = spawn(executable, [MAIN], { env, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the window position and size are remembered', async () => {
  await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 50, width: 520, height: 640 }),
  );
  await app.close();
  const saved = JSON.parse(await readFile(join(home, 'window-state.json'), 'utf8')) as { bounds: object };
  expect(saved.bounds).toEqual({ x: 40, y: 50, width: 520, height: 640 });
  await launch();
  const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
  expect(bounds).toMatchObject({ width: 520, height: 640 });
});

test("Screen scanning captures the real desktop through desktopCapturer, Keyfob's window hidden meanwhile", async () => {
  // Another window shows a key QR; the scan runs in main and only a preview comes back.
  const png = await qrPng('otpauth://totp/Desktop:capture?secret=JBSWY3DPEHPK3PXP&issuer=Desktop', 8);
  await app.evaluate(
    async ({ BrowserWindow }, dataUrl) => {
      const shower = new BrowserWindow({ width: 500, height: 500, x: 0, y: 0, show: true });
      await shower.loadURL(`data:text/html,<body style="margin:0;background:#fff"><img src="${dataUrl}">`);
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
  await app.evaluate(({ BrowserWindow }) => {
    const main = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().startsWith('app://'));
    main?.on('hide', () => ((globalThis as { hidden?: boolean }).hidden = true));
  });
  const reply = (await win.evaluate(() =>
    (globalThis as unknown as { keyfob: { 'scan:screens': () => Promise<unknown> } }).keyfob[
      'scan:screens'
    ](),
  )) as { ok: boolean; value: { displays: number; step: { kind: string; preview?: unknown } | null } };
  expect(reply.ok).toBe(true);
  expect(reply.value.displays).toBeGreaterThan(0);
  expect(reply.value.step).toMatchObject({ kind: 'preview', preview: { entries: [{ issuer: 'Desktop' }] } });
  expect(JSON.stringify(reply)).not.toContain('JBSWY3DP');
  expect(await app.evaluate(() => (globalThis as { hidden?: boolean }).hidden === true)).toBe(true);
});

test('the application menu has Edit (copy and paste on macOS) and Help → About Keyfob', async () => {
  const menu = await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()?.items.map((item) => ({
      role: item.role?.toLowerCase(),
      items: item.submenu?.items.map((sub) => sub.role?.toLowerCase() ?? sub.label) ?? [],
    })),
  );
  expect(menu).toContainEqual(expect.objectContaining({ role: 'editmenu' }));
  expect(menu).toContainEqual({ role: 'help', items: ['about'] });
});

test('the app binary with --keyfob-cli is the keyfob command: same output and status, no window', async () => {
  const exe = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8'));
  // What the Linux launcher adds so no display is needed.
  const headless = process.platform === 'linux' ? ['--ozone-platform=headless', '--disable-gpu'] : [];
  const uri = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
  const run = (file: string, args: string[], extraEnv: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(file, args, { env: { ...env, ...extraEnv } }, (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      });
    });
  for (const args of [
    ['inspect', uri],
    ['code', '--uri', uri, '--at', '1700000000'],
    ['inspect', 'otpauth://x'],
  ]) {
    const [inApp, cli] = await Promise.all([
      run(exe, [...headless, MAIN, '--keyfob-cli', '--', ...args], { DISPLAY: '', WAYLAND_DISPLAY: '' }),
      run(process.execPath, [join(__dirname, '..', 'out', 'main', 'keyfob.js'), ...args]),
    ]);
    expect([inApp.code, inApp.stdout]).toEqual([cli.code, cli.stdout]);
    expect(inApp.stderr).toContain(cli.stderr);
  }
});

// ---- The desktop side: links, the global shortcut, screen-sharing protection, closing to the tray ----

const LINK = 'otpauth://totp/Linked:dave?secret=JBSWY3DPEHPK3PXP&issuer=Linked';

test('a link that starts the app, and one opened while it runs, reach the confirm step', async () => {
  await app.close();
  app = await electron.launch({ args: [MAIN, '--', LINK], env });
  win = await app.firstWindow();
  const confirm = win.getByRole('dialog', { name: 'Add scanned accounts' });
  await expect(confirm.getByRole('listitem', { name: 'Linked' })).toBeVisible({ timeout: 15_000 });
  await confirm.getByRole('button', { name: 'Scan again' }).click();
  await win.keyboard.press('Escape');

  const executable = await app.evaluate(({ app: a }) => a.getPath('exe'));
  const other = LINK.replaceAll('Linked', 'Second');
  const second = spawn(executable, [MAIN, '--', other], { env, stdio: 'ignore' });
  expect(await new Promise<number | null>((resolve) => second.on('exit', resolve))).toBe(0);
  await expect(confirm.getByRole('listitem', { name: 'Second' })).toBeVisible({ timeout: 15_000 });
});

test('macOS: a link arriving as open-url reaches the confirm step', async () => {
  test.skip(process.platform !== 'darwin', 'open-url is emitted on macOS only');
  await app.evaluate(({ app: a }, link) => {
    a.emit('open-url', { preventDefault: () => undefined }, link);
  }, LINK);
  await expect(win.getByRole('dialog', { name: 'Add scanned accounts' })).toBeVisible({ timeout: 15_000 });
});

test('the default global shortcut is registered, or Settings says why not', async () => {
  const registered = await app.evaluate(({ globalShortcut }) =>
    globalShortcut.isRegistered('CommandOrControl+Alt+K'),
  );
  const status = (await win.evaluate(() =>
    (globalThis as unknown as { keyfob: { 'settings:status': () => Promise<unknown> } }).keyfob[
      'settings:status'
    ](),
  )) as { value: { shortcut: { available: boolean; message: string | null } } };
  expect(status.value.shortcut.available).toBe(registered);
  if (!registered) expect(status.value.shortcut.message).toMatch(/could not be registered/);
});

test('the window is kept out of screen captures on macOS and Windows, and not on Linux', async () => {
  const isProtected = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.isContentProtected(),
  );
  expect(isProtected).toBe(process.platform !== 'linux');
});

test('Settings… in the application menu opens the Settings dialog', async () => {
  await app.evaluate(({ Menu }) => {
    const items = Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items ?? []) ?? [];
    items.find((item) => item.label === 'Settings…')?.click();
  });
  await expect(win.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('closing the window keeps Keyfob in the tray where one exists (macOS, Windows)', async () => {
  test.skip(process.platform === 'linux', 'whether a Linux panel shows tray icons depends on the desktop');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await win.waitForTimeout(300);
  const state = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), destroyed: w.isDestroyed() })),
  );
  expect(state).toEqual([{ visible: false, destroyed: false }]);
});
