import { join } from 'node:path';
import * as v from 'valibot';
import { DEFAULT_CLOCK_SERVER, normaliseServer } from '../../shared/clock-server';
import type { Settings } from '../../shared/ipc/shapes';
import { autoLockMinutes, clearSeconds } from '../../shared/ipc/schema';
import { readJsonFile, writeJsonAtomic } from '../atomic-file';

/** The settings file, next to the vault's metadata in the vault home. */
export const SETTINGS_FILE = 'settings.json';

/** What a fresh install uses: wipe a copied code after 30 s, long enough to paste it. */
export const DEFAULT_SETTINGS: Settings = {
  clearClipboardSeconds: 30,
  // ---- The clock and the lock ----
  clockServer: DEFAULT_CLOCK_SERVER,
  useCorrectedTime: false,
  autoLockMinutes: 5,
  touchIdUnlock: true,
};

/** Reads and writes `settings.json`; unknown or invalid values fall back to the defaults. */
export interface SettingsStore {
  get(): Promise<Settings>;
  set(patch: Partial<Settings>): Promise<Settings>;
  /** Calls `listener` with the new settings after each `set`; returns the unsubscribe function. */
  subscribe(listener: (settings: Settings) => void): () => void;
}

/** A settings store for the vault home `home`. */
export function settingsStore(home: string): SettingsStore {
  const path = join(home, SETTINGS_FILE);
  const listeners = new Set<(settings: Settings) => void>();
  const get = async (): Promise<Settings> => sanitise(await readJsonFile(path));
  return {
    get,
    async set(patch) {
      const next = { ...(await get()), ...patch };
      await writeJsonAtomic(path, next);
      for (const listener of listeners) listener(next);
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function sanitise(raw: unknown): Settings {
  const file = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seconds = file.clearClipboardSeconds;
  return {
    clearClipboardSeconds: v.is(clearSeconds, seconds) ? seconds : DEFAULT_SETTINGS.clearClipboardSeconds,
    ...clockAndLock(file),
  };
}

// ---- The clock and the lock ----
function clockAndLock(file: Record<string, unknown>) {
  const server = typeof file.clockServer === 'string' ? normaliseServer(file.clockServer) : null;
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  return {
    clockServer: server ?? DEFAULT_SETTINGS.clockServer,
    useCorrectedTime: flag(file.useCorrectedTime, DEFAULT_SETTINGS.useCorrectedTime),
    autoLockMinutes: v.is(autoLockMinutes, file.autoLockMinutes)
      ? file.autoLockMinutes
      : DEFAULT_SETTINGS.autoLockMinutes,
    touchIdUnlock: flag(file.touchIdUnlock, DEFAULT_SETTINGS.touchIdUnlock),
  };
}
