import type { Settings } from '../../../../shared/ipc/shapes';

/** What each section of the Settings dialog receives: the settings as main holds them, and a way to change them. */
export interface SettingsSectionProps {
  settings: Settings;
  /** Saves a change through main, which checks it; rejects with main's error for the section to show. */
  update: (patch: Partial<Settings>) => Promise<unknown>;
}
