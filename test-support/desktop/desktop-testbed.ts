import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_DRAFT, type WindowCommand } from '../../shared/ipc/shapes';
import type { ErrorCode } from '../../shared/errors';
import type { ScreenCaptureAdapter } from '../../electron/adapters/screen-capture';
import { startDesktop } from '../../electron/desktop/desktop-controller';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { recordingClipboard } from '../adapters/recording-clipboard';
import {
  recordingLoginItem,
  recordingShortcuts,
  recordingTray,
  recordingWindow,
} from '../adapters/recording-desktop';
import { memorySecretStore, type MemorySecretStore } from '../vault/memory-secret-store';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" and its published 8-digit code at T.
/** The RFC 6238 SHA-1 test seed, base32. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = 1_111_111_109_000;
/** Its published 8-digit code at the testbed's clock. */
export const RFC_CODE = '07081804';

/** How a testbed's desktop differs from a Windows one with a tray, no taken shortcut and working login items. */
export interface DesktopTestOptions {
  platform?: NodeJS.Platform;
  trayHost?: boolean;
  taken?: string[];
  loginFails?: Error;
  screenCapture?: ScreenCaptureAdapter;
}

const running: Array<() => Promise<void>> = [];

/** Ends every desktop set up since the last call, with its services and data folder (an afterEach). */
export async function closeDesktops(): Promise<void> {
  for (const close of running.splice(0)) await close();
}

/**
 * The desktop controller over real services (in-memory keychain, a fixed clock) and recording
 * adapters: what the tray shows, the window did, the shortcuts and login items hold.
 */
export async function desktopTestbed(options: DesktopTestOptions = {}) {
  const home = await mkdtemp(join(tmpdir(), 'keyfob-desktop-'));
  const secrets: MemorySecretStore = memorySecretStore();
  const clipboard = recordingClipboard();
  const services: AppServices = await createAppServices({
    home,
    secrets,
    now: () => T,
    clipboard,
    watch: false,
    screenCapture: options.screenCapture,
  });
  running.push(async () => {
    await services.close();
    await rm(home, { recursive: true, force: true });
  });
  /** What the window would take now (`window:take-commands`), or main's refusal's code (locked). */
  const takeCommands = async (): Promise<WindowCommand[] | ErrorCode> => {
    const reply = await services.invoke('window:take-commands');
    return reply.ok ? reply.value : reply.error.code;
  };
  const tray = recordingTray();
  const shortcuts = recordingShortcuts(options.taken);
  const loginItem = recordingLoginItem(options.loginFails);
  const window = recordingWindow({ visible: false });
  const quits: string[] = [];
  const desktop = await startDesktop({
    platform: options.platform ?? 'win32',
    services,
    window,
    tray,
    shortcuts,
    loginItem,
    trayHost: async () => options.trayHost ?? false,
    wayland: false,
    quit: () => void quits.push('quit'),
  });
  // Disposed first: the shortcut and the tray go before the services they call.
  running.splice(running.length - 1, 0, async () => desktop.dispose());
  const add = async (issuer: string, secret = RFC_SECRET) => {
    const draft = { ...EMPTY_DRAFT, issuer, account: 'me', secret, digits: '8' };
    const reply = await services.invoke('accounts:add', draft, { allowDuplicate: true });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  };
  const labels = () => tray.items.flatMap((i) => (i.kind === 'item' ? [i.label] : []));
  return {
    services,
    desktop,
    secrets,
    clipboard,
    takeCommands,
    tray,
    shortcuts,
    loginItem,
    window,
    quits,
    add,
    labels,
  };
}
