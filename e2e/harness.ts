import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ClipboardAdapter } from '../electron/adapters/clipboard';
import type { ScreenCaptureAdapter } from '../electron/adapters/screen-capture';
import { createAppServices, type AppServices } from '../electron/services/app-services';
import { SCREEN_WORKER, workerDecoders } from '../electron/qr/screen-decoders';
import { askTimeServer } from '../electron/clock/sntp-client';
import {
  keytarSecretStore,
  LOCK_VERIFIER_ID,
  resolveVaultLocation,
  type SecretStore,
} from '../electron/vault';
import { EMPTY_DRAFT, type ManualDraft, type Settings } from '../shared/ipc/shapes';
import type { ArgsOf, Channel, IpcReply, ResultOf } from '../shared/ipc/channels';
import { wallClock } from './harness-clock';
import { startHarnessDesktop, type DesktopOptions, type HarnessDesktop } from './harness-desktop';
import { openPage, PRELOAD } from './harness-page';
import { serveRenderer, type RendererServer } from './harness-server';
import {
  isKeyringLocked,
  lockKeyring,
  requirePrivateKeyring,
  unlockKeyring,
} from '../test-support/vault/keyring';
import { fakePower, type FakePower } from '../test-support/adapters/fake-power';
import { recordingClipboard } from '../test-support/adapters/recording-clipboard';
import { scriptedDialogs, type ScriptedDialogs } from '../test-support/adapters/scripted-dialogs';
import { memorySecretStore } from '../test-support/vault/memory-secret-store';

/** Debian's Chromium, which shows the renderer where the Electron binary is not installed. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** An account to create before the page opens: the manual-entry form's fields, defaults filled in. */
export type SeedAccount = Partial<ManualDraft> & { secret: string };

/** Options of {@link launchApp}; all optional. */
export interface LaunchOptions {
  /** Start the clock at this instant (ms since the epoch) in both the page (`page.clock`) and main's `now()`. */
  nowMs?: number;
  /** With `nowMs`: 'fixed' (default) stops time there; 'flowing' starts there and runs on in real time. */
  clock?: 'fixed' | 'flowing';
  /** Accounts added through `accounts:add` before the page loads, in list order. */
  accounts?: SeedAccount[];
  /** Settings written before the page loads (e.g. `{ clearClipboardSeconds: 1 }`). */
  settings?: Partial<Settings>;
  /** The clipboard main writes to; a recording in-memory one by default (see {@link LaunchedApp.clipboard}). */
  clipboard?: ClipboardAdapter & { read?(): string };
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The built renderer (default: out/renderer — run `npx electron-vite build` first). */
  rendererDir?: string;
  /**
   * The native dialogs main shows, answered by the spec (open/save paths, yes/no to a confirmation);
   * a fresh `scriptedDialogs()` by default, reachable as {@link LaunchedApp.dialogs}.
   */
  dialogs?: ScriptedDialogs;
  /** Let the backup reminder banner appear (default false: it is dismissed before the page opens, so other specs see the plain list). */
  backupReminder?: boolean;
  /** What `scan:screens` captures: Chromium cannot hand main a desktop here, so specs supply the displays. */
  screenCapture?: ScreenCaptureAdapter;
  /** Extra Chromium flags (e.g. for the benchmark's tracing). */
  chromiumArgs?: string[];
  /** The desktop main runs on: platform, tray host, shortcuts other programs hold (see {@link LaunchedApp.desktop}). */
  desktop?: DesktopOptions;
  /**
   * The app's command line at start (e.g. `['keyfob-desktop', '--', 'otpauth://…']` for a link
   * that started it): handed to main's own entry before the page loads.
   */
  argv?: string[];
  /**
   * BENCHMARK ONLY: 'memory' keeps secrets in an in-memory store instead of the real keyring (and
   * the vault folder in RAM), so the UI benchmark can seed thousands of accounts in seconds; the
   * renderer's speed does not depend on the keychain. Every e2e spec uses the default, 'keyring'.
   */
  secrets?: 'keyring' | 'memory';
  /**
   * A time server (`HOST:PORT`, e.g. a fake SNTP server's `address`) main asks for the clock's
   * offset: it becomes the clockServer setting. Without it main never asks any time server.
   */
  timeServer?: string;
  /**
   * Each keychain write on the real keyring takes at least this long, as on a keyring that already
   * holds thousands of items: a spec that must act while a bulk save is still running gets time to.
   */
  slowKeychainWritesMs?: number;
}

/** A running app: Chromium showing the built renderer, wired to the real main-process services. */
export interface LaunchedApp {
  /** The current page; replaced by {@link relaunch} (read `app.page` again afterwards). */
  readonly page: Page;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** The main-process services behind `window.keyfob` (call `services.handlers[...]` to arrange state). */
  readonly services: AppServices;
  /** The vault folder (KEYFOB_HOME) and keychain service (KEYFOB_KEYCHAIN_SERVICE) of this run. */
  readonly home: string;
  readonly service: string;
  /** Where the renderer is served, e.g. http://127.0.0.1:41234/index.html. */
  readonly url: string;
  /**
   * main's native dialogs: queue answers (`nextOpen`, `nextSave`, `nextConfirm(true)`) before the
   * click that opens one; `shown` lists what each said. Unanswered ones are cancelled or refused.
   */
  readonly dialogs: ScriptedDialogs;
  /** What main wrote to the clipboard: `read()` is its content now, `writes` every write in order. */
  readonly clipboard: { read(): string; readonly writes: readonly string[] };
  /** Uncaught page errors and console errors (CSP violations show up here), newest last. */
  readonly errors: string[];
  /** main's desktop side (tray menu, global shortcut, links, window shown or hidden) over recording adapters. */
  readonly desktop: HarnessDesktop;
  /** Calls `window.keyfob[channel](...args)` inside the page (the renderer's path, bridge included). */
  call<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<IpcReply<ResultOf<C>>>;
  /** main's current time in ms. */
  now(): number;
  /** Moves both clocks to `ms` (fixed clock: time stays there). */
  setNow(ms: number): Promise<void>;
  /** Moves both clocks forward by `ms`, firing the page's due timers. */
  advance(ms: number): Promise<void>;
  /** Closes the page and the services and starts again on the same vault and keychain; returns the new page. */
  relaunch(): Promise<Page>;
  /** Locks the (private, test) keyring, as a user locking their session keyring would. */
  lockKeychain(): Promise<void>;
  unlockKeychain(): Promise<void>;
  /** Closes everything and removes this run's keychain items and data folder. */
  close(): Promise<void>;
  /** The system's power events and idle time as main sees them: `emit('suspend')`, `setIdleSeconds(n)`. */
  readonly power: FakePower;
}

/**
 * Launches the app the way e2e specs, screenshots and the UI benchmark need it: the built renderer
 * in Debian's Chromium, `window.keyfob` forwarding every contract call to the same main-process
 * handlers the Electron app uses (`createAppServices`), a real keyring (run inside
 * `node scripts/with-keyring.mjs`), a fresh vault folder and keychain service per launch.
 *
 * @example
 * const app = await launchApp({ nowMs: Date.UTC(2025, 0, 1), accounts: [{ issuer: 'GitHub', account: 'me', secret: 'JBSWY3DPEHPK3PXP' }] });
 * await app.page.getByRole('button', { name: /GitHub/ }).click();
 * expect(app.clipboard.read()).toMatch(/^\d{6}$/);
 * await app.close();
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  requirePrivateKeyring();
  const rendererDir = resolve(options.rendererDir ?? join(__dirname, '..', 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(PRELOAD)) {
    throw new Error(`No built app (${rendererDir}, ${PRELOAD}); run \`npx electron-vite build\` first.`);
  }
  const env = {
    KEYFOB_HOME: await mkdtemp(join(scratchRoot(options), 'keyfob-e2e-')),
    KEYFOB_KEYCHAIN_SERVICE: `Keyfob e2e ${randomUUID()}`,
  };
  const { home, service } = resolveVaultLocation(env, process.platform, homedir());
  const clipboard = options.clipboard ?? recordingClipboard();
  const writes: string[] = [];
  const observed: ClipboardAdapter = {
    readText: () => clipboard.readText(),
    writeText: async (text) => {
      writes.push(text);
      await clipboard.writeText(text);
    },
  };
  const clock = wallClock(options);
  const power = fakePower();
  const dialogs = options.dialogs ?? scriptedDialogs();
  // One store for the whole run, so a relaunch on 'memory' still finds its secrets.
  const secrets =
    options.secrets === 'memory'
      ? memorySecretStore()
      : slowWrites(keytarSecretStore(service, process.platform, { home }), options.slowKeychainWritesMs ?? 0);
  const start = async (): Promise<AppServices> =>
    createAppServices({
      home,
      secrets,
      now: clock.now,
      clipboard: observed,
      dialogs,
      screenCapture: options.screenCapture,
      // The app's own screen decoding: worker threads running main's built worker file.
      screenDecoder: workerDecoders(join(__dirname, '..', 'out', 'main', SCREEN_WORKER)),
      power,
      // Asked with main's clock, so a fixed test clock measures a fake server's offset exactly.
      askTime:
        options.timeServer === undefined ? undefined : (server) => askTimeServer(server, { now: clock.now }),
    });

  let services = await start();
  let browser: Browser | undefined;
  let server: RendererServer | undefined;
  let desktop: HarnessDesktop | undefined;
  const cleanup = async (): Promise<void> => {
    desktop?.dispose();
    await services.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
    if (isKeyringLocked()) await unlockKeyring();
    const store = keytarSecretStore(service);
    for (const item of await store.list().catch(() => [])) await store.delete(item.id).catch(() => undefined);
    await store.delete(LOCK_VERIFIER_ID).catch(() => undefined); // list() leaves Keyfob's own items out
    await rm(home, { recursive: true, force: true });
  };
  try {
    return await startPage();
  } catch (error) {
    await cleanup();
    throw error;
  }

  async function startPage(): Promise<LaunchedApp> {
    await seedVault(services, options);
    server = await serveRenderer(rendererDir);
    const origin = server.origin;
    const url = `${origin}/index.html`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, ...(options.chromiumArgs ?? [])],
    });
    const context = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 440, height: 680 },
    });
    const errors: string[] = [];
    let page = await openPage(context, () => services, origin, clock, errors);
    desktop = await startHarnessDesktop(services, () => page, options.desktop);

    const app: LaunchedApp = {
      get page() {
        return page;
      },
      browser,
      context,
      get services() {
        return services;
      },
      home,
      service,
      url,
      dialogs,
      clipboard: { read: () => clipboard.read?.() ?? writes.at(-1) ?? '', writes },
      errors,
      get desktop() {
        return desktop as HarnessDesktop;
      },
      call: (channel, ...args) => page.evaluate(callInPage, [channel, args] as [string, unknown[]]),
      now: clock.now,
      async setNow(ms) {
        clock.set(ms);
        await clock.applyTo(page);
      },
      async advance(ms) {
        clock.set(clock.now() + ms);
        await (clock.flowing ? page.clock.fastForward(ms) : clock.applyTo(page));
      },
      async relaunch() {
        await page.close();
        desktop?.dispose();
        await services.close();
        services = await start();
        page = await openPage(context, () => services, origin, clock, errors);
        desktop = await startHarnessDesktop(services, () => page, options.desktop);
        await page.goto(url);
        await settled(page);
        return page;
      },
      lockKeychain: async () => lockKeyring(),
      unlockKeychain: () => unlockKeyring(),
      close: cleanup,
      power,
    };
    // A link that started the app reaches main before the window has loaded, as in Electron.
    await desktop.secondInstance(options.argv ?? []);
    await page.goto(url);
    await settled(page);
    return app;
  }
}

/** Runs in the page: `window.keyfob[channel](...args)`, the renderer's own path. */
function callInPage([channel, args]: [string, unknown[]]): Promise<never> {
  const { keyfob } = globalThis as unknown as { keyfob: Record<string, (...a: unknown[]) => Promise<never>> };
  const send = keyfob[channel];
  if (send === undefined) throw new Error(`window.keyfob has no ${channel}`);
  return send(...args);
}

/**
 * Where the run's vault folder goes: the system temp folder, except with the benchmark-only
 * `secrets: 'memory'`, where a RAM-backed /dev/shm (if present) spares thousands of seeding fsyncs.
 */
function scratchRoot(options: LaunchOptions): string {
  return options.secrets === 'memory' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/**
 * Waits until the window shows the app or its unlock form: the app's parts (and their listeners for
 * the tray's and the shortcut's commands) mount only once main has said whether Keyfob is locked.
 */
async function settled(page: Page): Promise<void> {
  await page.locator('.app, .unlock').first().waitFor();
}

/** Writes the launch options' settings and accounts before the page opens. */
async function seedVault(services: AppServices, options: LaunchOptions): Promise<void> {
  const clockServer = options.timeServer;
  const settings = clockServer === undefined ? options.settings : { ...options.settings, clockServer };
  if (settings !== undefined) await services.handlers['settings:set'](settings);
  for (const seed of options.accounts ?? []) {
    // Through invoke, like the renderer, so the folder watch knows these writes are this app's own.
    const added = await services.invoke(
      'accounts:add',
      { ...EMPTY_DRAFT, ...seed },
      { allowDuplicate: true },
    );
    if (!added.ok) throw new Error(`Seed ${seed.issuer ?? ''}:${seed.account ?? ''}: ${added.error.message}`);
  }
  if (options.backupReminder !== true) await services.handlers['backup:reminder-dismiss']();
}

/** `store`, with every `set` taking at least `ms` (the write itself still goes to the store). */
function slowWrites(store: SecretStore, ms: number): SecretStore {
  if (ms <= 0) return store;
  const set = store.set.bind(store);
  return {
    ...store,
    set: async (id, secret) => {
      await Promise.all([set(id, secret), new Promise((r) => setTimeout(r, ms))]);
    },
  };
}
