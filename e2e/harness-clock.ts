import type { Page } from '@playwright/test';

/** One shared notion of "now" for main and the page. */
export interface WallClock {
  readonly flowing: boolean;
  now(): number;
  set(ms: number): void;
  /** Applies the clock to a page (before its first navigation, and after `set`). */
  applyTo(page: Page, first?: boolean): Promise<void>;
}

/** The real clock without `nowMs`; else a fixed or flowing one starting at `nowMs`. */
export function wallClock(options: { nowMs?: number; clock?: 'fixed' | 'flowing' }): WallClock {
  if (options.nowMs === undefined) {
    const refuse = (): never => {
      throw new Error('Pass nowMs to launchApp to control the clock.');
    };
    return { flowing: true, now: Date.now, set: refuse, applyTo: async () => undefined };
  }
  const flowing = options.clock === 'flowing';
  let offset = options.nowMs - Date.now();
  let fixed = options.nowMs;
  return {
    flowing,
    now: () => (flowing ? Date.now() + offset : fixed),
    set(ms) {
      offset = ms - Date.now();
      fixed = ms;
    },
    async applyTo(page, first = false) {
      const ms = flowing ? Date.now() + offset : fixed;
      if (!flowing) await page.clock.setFixedTime(ms);
      else if (first) await page.clock.install({ time: ms });
      else await page.clock.setSystemTime(ms);
    },
  };
}
