import { join } from 'node:path';
import { KeyfobError } from '../../shared/errors';
import type { Settings } from '../../shared/ipc-contract';
import { readJsonFile, writeJsonAtomic } from './atomic-file';

/** The settings file, next to the vault's metadata in the vault home. */
export const SETTINGS_FILE = 'settings.json';

/** What a fresh install uses: wipe a copied code after 30 s (issue 3). */
export const DEFAULT_SETTINGS: Settings = { clearClipboardSeconds: 30 };

/** Longest clipboard delay accepted: ten minutes; 0 means never clear. */
export const MAX_CLEAR_SECONDS = 600;

/** Reads and writes `settings.json`; unknown or invalid values fall back to the defaults. */
export interface SettingsStore {
  get(): Promise<Settings>;
  set(patch: Partial<Settings>): Promise<Settings>;
}

/** A settings store for the vault home `home`. */
export function settingsStore(home: string): SettingsStore {
  const path = join(home, SETTINGS_FILE);
  const get = async (): Promise<Settings> => sanitise(await readJsonFile(path));
  return {
    get,
    async set(patch) {
      const next = { ...(await get()), ...checkPatch(patch) };
      await writeJsonAtomic(path, next);
      return next;
    },
  };
}

/** Validates a patch from the renderer: only known keys, each in range. */
export function checkPatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null) {
    throw new KeyfobError('invalid-input', 'Settings must be an object of the values to change.');
  }
  const out: Partial<Settings> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key !== 'clearClipboardSeconds') {
      throw new KeyfobError('invalid-input', `There is no setting called "${key.slice(0, 40)}".`, key);
    }
    if (!isClearSeconds(value)) {
      throw new KeyfobError(
        'invalid-input',
        `Clipboard clearing must be a whole number of seconds from 0 (never) to ${MAX_CLEAR_SECONDS}.`,
        key,
      );
    }
    out.clearClipboardSeconds = value;
  }
  return out;
}

function sanitise(raw: unknown): Settings {
  const file = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = file.clearClipboardSeconds;
  return {
    clearClipboardSeconds: isClearSeconds(seconds) ? seconds : DEFAULT_SETTINGS.clearClipboardSeconds,
  };
}

function isClearSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CLEAR_SECONDS;
}
