import * as v from 'valibot';
import { DEFAULT_SHORTCUT, checkAccelerator } from '../accelerator';
import { DEFAULT_CLOCK_SERVER } from '../clock-server';
import { autoLockMinutes, clearSeconds, clockServer, text } from './schema';
import type { Settings } from './shapes';

// Every setting in one table: its check (main runs it on `settings:set` and on every read of
// settings.json), its default and the words that name it in a notice. Adding a setting: a field in
// `Settings` (shapes.ts) and an entry in each table below; the compiler points at any one missing.

/** At most this many accounts are pinned to the tray menu. */
export const MAX_PINNED = 10;

const flag = (what: string) => v.boolean(`${what} must be on or off`);

const SHORTCUT = 'The shortcut is not one Keyfob can register';

/** A global shortcut: an accepted accelerator (shared/accelerator.ts) or '' for none. */
export const shortcutSchema = v.pipe(
  v.string(SHORTCUT),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const checked = checkAccelerator(dataset.value);
    if (!checked.ok) addIssue({ message: checked.message });
  }),
  v.transform((value) => {
    const checked = checkAccelerator(value);
    return checked.ok ? checked.accelerator : value;
  }),
);

const pinnedSchema = v.pipe(
  v.array(text(200, 'expected an account id'), 'expected a list of account ids'),
  v.maxLength(MAX_PINNED, `At most ${MAX_PINNED} accounts can be pinned to the tray`),
  v.check((ids) => new Set(ids).size === ids.length, 'an account id appears twice'),
);

/** The settings the Settings dialog changes through `settings:set` (pins change through `settings:pin`). */
export const EDITABLE_SETTINGS = {
  clearClipboardSeconds: clearSeconds,
  closeToTray: flag('Close to tray'),
  trayIconSeen: flag('The tray confirmation'),
  startAtLogin: flag('Start at login'),
  startHidden: flag('Start hidden'),
  shortcut: shortcutSchema,
  contentProtection: flag('Hiding from screen sharing'),
  blurCodes: flag('Blurring codes'),
  clockServer,
  useCorrectedTime: flag('Use corrected time'),
  autoLockMinutes,
  touchIdUnlock: flag('Touch ID unlock'),
} satisfies { [K in Exclude<keyof Settings, 'pinned'>]: v.GenericSchema<unknown, Settings[K]> };

/** Every field of settings.json with its check. */
export const SETTING_SCHEMAS = {
  ...EDITABLE_SETTINGS,
  pinned: pinnedSchema,
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

/**
 * What a fresh install uses: wipe a copied code after 30 s; close to the tray (where one exists);
 * hidden from screen sharing (where the OS can); the Ctrl+Alt+K / Cmd+Option+K shortcut; the
 * clock measured against Cloudflare's time server but codes at this computer's time until the user
 * chooses; with a lock password, auto-lock after 5 idle minutes and Touch ID where the Mac has it.
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  clearClipboardSeconds: 30,
  closeToTray: true,
  trayIconSeen: false,
  startAtLogin: false,
  startHidden: false,
  shortcut: DEFAULT_SHORTCUT,
  contentProtection: true,
  blurCodes: false,
  pinned: [],
  clockServer: DEFAULT_CLOCK_SERVER,
  useCorrectedTime: false,
  autoLockMinutes: 5,
  touchIdUnlock: true,
};

/** How a notice names each setting ("…were invalid: clipboard clearing, shortcut"). */
export const SETTING_NAMES: Record<keyof Settings, string> = {
  clearClipboardSeconds: 'clipboard clearing',
  closeToTray: 'close to tray',
  trayIconSeen: 'tray confirmation',
  startAtLogin: 'start at login',
  startHidden: 'start hidden',
  shortcut: 'shortcut',
  contentProtection: 'hide from screen sharing',
  blurCodes: 'blur codes',
  pinned: 'pinned accounts',
  clockServer: 'time server',
  useCorrectedTime: 'use corrected time',
  autoLockMinutes: 'auto-lock',
  touchIdUnlock: 'Touch ID unlock',
};

/** A settings.json read field by field: valid fields kept, the others at their default and named. */
export function readSettings(raw: unknown): { settings: Settings; invalid: Array<keyof Settings> } {
  const file =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = {};
  const invalid: Array<keyof Settings> = [];
  for (const key of Object.keys(SETTING_SCHEMAS) as Array<keyof Settings>) {
    if (!Object.hasOwn(file, key)) {
      settings[key] = DEFAULT_SETTINGS[key];
      continue;
    }
    const result = v.safeParse(SETTING_SCHEMAS[key], file[key]);
    settings[key] = result.success ? result.output : DEFAULT_SETTINGS[key];
    if (!result.success) invalid.push(key);
  }
  return { settings: settings as unknown as Settings, invalid };
}
