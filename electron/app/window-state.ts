import { app, screen, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { MIN_SIZE, isVisibleOn, readWindowState, writeWindowState, type WindowState } from './window-bounds';

/** Where the window's bounds are kept: window-state.json in userData. */
export function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** The saved state if it still fits a connected display; null means "use the default place". */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  const state = await readWindowState(file);
  if (state === null) return null;
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  if (!isVisibleOn(state.bounds, workAreas)) return null;
  const { width, height } = state.bounds;
  return {
    ...state,
    bounds: {
      ...state.bounds,
      width: Math.max(width, MIN_SIZE.width),
      height: Math.max(height, MIN_SIZE.height),
    },
  };
}

/** Writes run one after another; quitting waits for the last (see {@link windowStateSaved}). */
let lastWrite: Promise<void> = Promise.resolve();

/** Resolves once every window-state write started so far has finished. */
export function windowStateSaved(): Promise<void> {
  return lastWrite;
}

/**
 * Saves the window's normal (unmaximised) bounds half a second after it stops moving or resizing,
 * and once more as it closes.
 */
export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const state = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    lastWrite = lastWrite
      .then(() => writeWindowState(file, state))
      .catch((error: unknown) => {
        console.warn(`[keyfob] could not save the window position: ${(error as Error).name}`);
      });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
