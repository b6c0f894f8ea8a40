import { join } from 'node:path';
import * as v from 'valibot';
import type { Settings } from '../../shared/ipc/shapes';
import { clearSeconds } from '../../shared/ipc/schema';
import { readJsonFile, writeJsonAtomic } from '../atomic-file';

/** The settings file, next to the vault's metadata in the vault home. */
export const SETTINGS_FILE = 'settings.json';

/** What a fresh install uses: wipe a copied code after 30 s, long enough to paste it. */
export const DEFAULT_SETTINGS: Settings = { clearClipboardSeconds: 30 };

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
      const next = { ...(await get()), ...patch };
      await writeJsonAtomic(path, next);
      return next;
    },
  };
}

function sanitise(raw: unknown): Settings {
  const file = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = file.clearClipboardSeconds;
  return {
    clearClipboardSeconds: v.is(clearSeconds, seconds) ? seconds : DEFAULT_SETTINGS.clearClipboardSeconds,
  };
}
