import type { DesktopPlatform, Facility, SettingsStatus } from '../../shared/ipc/shapes';

/** What the desktop side (tray, shortcut, screen sharing, login items) found it can do here. */
export type DesktopFacts = Omit<SettingsStatus, 'notice'>;

/** The board the desktop side writes its facts on and `settings:status` reads them from. */
export interface DesktopFactsBoard {
  get(): DesktopFacts;
  /** Replaces the facts named in `part`. */
  report(part: Partial<DesktopFacts>): void;
}

/** The platform family of a Node platform name (everything that is neither macOS nor Windows is Linux-like). */
export function desktopPlatform(platform: NodeJS.Platform): DesktopPlatform {
  if (platform === 'darwin') return 'mac';
  return platform === 'win32' ? 'windows' : 'linux';
}

const ABSENT: Facility = { available: false, message: 'Only the desktop app offers this.' };

/** A board starting with nothing available, as where no desktop side runs (unit tests, a headless host). */
export function desktopFactsBoard(platform: NodeJS.Platform = process.platform): DesktopFactsBoard {
  let facts: DesktopFacts = {
    platform: desktopPlatform(platform),
    tray: ABSENT,
    shortcut: ABSENT,
    contentProtection: ABSENT,
    startAtLogin: ABSENT,
  };
  return {
    get: () => facts,
    report(part) {
      facts = { ...facts, ...part };
    },
  };
}
