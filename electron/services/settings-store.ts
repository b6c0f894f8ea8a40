import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../shared/ipc/shapes';
import { DEFAULT_SETTINGS, SETTING_NAMES, readSettings } from '../../shared/ipc/settings-fields';
import { writeFileAtomic, writeJsonAtomic } from '../atomic-file';

/** The settings file, next to the vault's metadata in the vault home. */
export const SETTINGS_FILE = 'settings.json';

/** Where a damaged settings file is kept when new settings are first saved over it. */
export const DAMAGED_SETTINGS_FILE = 'settings.damaged.json';

export { DEFAULT_SETTINGS };

/** Reads and writes `settings.json`; a damaged file or invalid values fall back to the defaults. */
export interface SettingsStore {
  get(): Promise<Settings>;
  /** Saves `patch` over the current settings (one write at a time) and returns them all. */
  set(patch: Partial<Settings>): Promise<Settings>;
  /** Like {@link set}, with the patch computed from the settings as they are at that moment. */
  update(change: (current: Settings) => Partial<Settings> | null): Promise<Settings>;
  /** A sentence for the window when settings.json is damaged and defaults are in use; else null. */
  notice(): Promise<string | null>;
  /** Calls `listener` after each save with the new and the previous settings. */
  onChange(listener: (next: Settings, previous: Settings) => void): () => void;
}

interface FileRead {
  settings: Settings;
  /** The file's text when it exists but could not be used in full. */
  damagedText: string | null;
  notice: string | null;
}

/** A settings store for the vault home `home`. */
export function settingsStore(home: string): SettingsStore {
  const path = join(home, SETTINGS_FILE);
  const listeners = new Set<(next: Settings, previous: Settings) => void>();
  let writes: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<FileRead> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return { settings: { ...DEFAULT_SETTINGS }, damagedText: null, notice: null };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const whole = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    const { settings, invalid } = readSettings(raw);
    if (whole && invalid.length === 0) return { settings, damagedText: null, notice: null };
    const notice = whole
      ? `Some settings were invalid (${invalid.map((k) => SETTING_NAMES[k]).join(', ')}), so Keyfob uses their defaults. Check them in Settings.`
      : 'The settings file is damaged, so Keyfob uses its default settings. Check them in Settings.';
    return { settings, damagedText: text, notice };
  };

  const update = (change: (current: Settings) => Partial<Settings> | null): Promise<Settings> => {
    const run = async (): Promise<Settings> => {
      const before = await read();
      const patch = change(before.settings);
      if (patch === null) return before.settings;
      const next = { ...before.settings, ...patch };
      // The damaged file is kept beside the new one: whatever the user had there is not lost.
      if (before.damagedText !== null)
        await writeFileAtomic(join(home, DAMAGED_SETTINGS_FILE), before.damagedText);
      await writeJsonAtomic(path, next);
      for (const listener of listeners) {
        try {
          listener(next, before.settings);
        } catch (error) {
          // A listener applies a setting to the desktop; its failure is reported there, not here.
          console.warn(`[keyfob] applying a setting failed (${(error as Error).name})`);
        }
      }
      return next;
    };
    const result = writes.then(run, run);
    writes = result.catch(() => undefined);
    return result;
  };

  return {
    get: async () => (await read()).settings,
    set: (patch) => update(() => patch),
    update,
    notice: async () => (await read()).notice,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
