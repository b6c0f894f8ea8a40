import { useCallback, useEffect, useState } from 'react';
import type { Settings, SettingsStatus } from '../../../shared/ipc/shapes';
import { call } from '../bridge';

/** The saved settings and what this desktop offers, as main reports them; null until the first answer. */
export interface SettingsState {
  settings: Settings | null;
  status: SettingsStatus | null;
  /** Saves a change in main (which checks it) and takes main's answer; rejects with main's message. */
  update: (patch: Partial<Settings>) => Promise<void>;
  /** Pins an account to the tray menu or unpins it. */
  pin: (id: string, pinned: boolean) => Promise<void>;
  /** Asks main again what works here (after a change the desktop applies: a shortcut, login items). */
  refresh: () => Promise<void>;
}

/** Settings for the whole window: the list's blur and pins, the Settings dialog, the damaged-file notice. */
export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SettingsStatus | null>(null);

  const refresh = useCallback(
    () =>
      Promise.all([call('settings:get'), call('settings:status')]).then(([saved, now]) => {
        setSettings(saved);
        setStatus(now);
      }),
    [],
  );

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  // A change shows at once and main's answer then replaces it (a refusal brings back what is
  // saved); the status follows, as main applies each change to the desktop as it saves it.
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      setSettings((was) => (was === null ? was : { ...was, ...patch }));
      try {
        setSettings(await call('settings:set', patch));
      } catch (error) {
        await refresh().catch(() => undefined);
        throw error;
      }
      setStatus(await call('settings:status'));
    },
    [refresh],
  );

  const pin = useCallback(async (id: string, pinned: boolean) => {
    setSettings(await call('settings:pin', id, pinned));
  }, []);

  return { settings, status, update, pin, refresh };
}
