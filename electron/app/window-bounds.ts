import { readJsonFile, writeJsonAtomic } from '../atomic-file';

/** A window's position and size in screen coordinates (DIPs). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What window-state.json remembers between launches. */
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** Smallest window the layout supports; saved sizes below it are raised to it. */
export const MIN_SIZE = { width: 360, height: 420 } as const;

/** How much of the title bar must lie on some display for a saved position to be reused. */
const VISIBLE_MARGIN = 48;

/** Reads a saved state; null when the file is missing or malformed. */
export async function readWindowState(path: string): Promise<WindowState | null> {
  const raw = await readJsonFile(path);
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as Record<string, unknown>;
  if (!isBounds(bounds)) return null;
  return { bounds, maximized: maximized === true };
}

/** Saves the state atomically, so a crash mid-write never leaves a broken file. */
export async function writeWindowState(path: string, state: WindowState): Promise<void> {
  await writeJsonAtomic(path, state);
}

/**
 * True when the top strip of `bounds` (where the title bar is) overlaps some display's work area
 * by at least {@link VISIBLE_MARGIN} px each way, so the user can grab it. A monitor unplugged since
 * the last run makes this false and the window opens at the default place instead.
 */
export function isVisibleOn(bounds: Bounds, workAreas: readonly Bounds[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: VISIBLE_MARGIN };
  return workAreas.some((area) => {
    const w = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const h = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return w >= VISIBLE_MARGIN && h >= VISIBLE_MARGIN / 2;
  });
}

function isBounds(value: unknown): value is Bounds {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return (['x', 'y', 'width', 'height'] as const).every(
    (k) => typeof b[k] === 'number' && Number.isFinite(b[k]),
  );
}
