import type { Frame } from '../../qr-decoder/types';
import { loadElectron } from './electron-module';

/**
 * One display's pixels at its native resolution, and a name the user recognises. The frame is the
 * caller's to consume (its pixels move to a decoding thread), 4 bytes a pixel in RGBA or BGRA
 * order: the QR decoder's luminance weighs red and blue alike.
 */
export interface DisplayImage {
  label: string;
  frame: Frame;
}

/** Captures every display for QR scanning; Electron's desktopCapturer in the app, a recording in tests. */
export interface ScreenCaptureAdapter {
  /** 'denied' when the OS refuses screen capture (macOS Screen Recording), else 'granted'/'unknown'. */
  permission(): 'granted' | 'denied' | 'unknown';
  /**
   * 'all-displays': every display is captured at once (Windows, macOS, X11). 'system-picker':
   * Wayland, where the compositor lets the user pick one screen in its own dialog (xdg-desktop-portal)
   * and an empty result means the user cancelled it.
   */
  readonly mode?: 'all-displays' | 'system-picker';
  capture(): Promise<DisplayImage[]>;
}

/** True in a Wayland session, where only the system's screen-sharing picker can capture the screen. */
export function isWaylandSession(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY !== undefined && env.WAYLAND_DISPLAY !== '')
  );
}

/**
 * desktopCapturer's bitmap (BGRA on every platform Electron supports) as a frame, without copying:
 * the decoder reads BGRA as it is.
 */
function bitmapPixels(bitmap: Buffer): Uint8ClampedArray {
  return new Uint8ClampedArray(bitmap.buffer, bitmap.byteOffset, bitmap.byteLength);
}

/**
 * Every display through Electron's desktopCapturer at each display's full pixel size (HiDPI
 * included), with Keyfob's own window hidden meanwhile so it never covers the code. On Wayland the
 * same call opens the system's screen-sharing picker (PipeWire via xdg-desktop-portal, on by
 * default in Electron's Chromium) and returns the one screen the user chose.
 * @see https://www.electronjs.org/docs/latest/api/desktop-capturer
 */
export function electronScreenCapture(
  window: () => { hide(): void; show(): void } | null,
): ScreenCaptureAdapter {
  return {
    mode: process.platform === 'linux' && isWaylandSession() ? 'system-picker' : 'all-displays',
    permission() {
      const { systemPreferences } = loadElectron();
      if (process.platform !== 'darwin') return 'unknown';
      return systemPreferences.getMediaAccessStatus('screen') === 'granted' ? 'granted' : 'denied';
    },
    async capture() {
      const { desktopCapturer, screen } = loadElectron();
      const displays = screen.getAllDisplays();
      const width = Math.max(...displays.map((d) => Math.round(d.size.width * d.scaleFactor)));
      const height = Math.max(...displays.map((d) => Math.round(d.size.height * d.scaleFactor)));
      const win = window();
      win?.hide();
      try {
        // Let the compositor drop our window before the capture.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const sources = await desktopCapturer.getSources({
          types: ['screen'],
          thumbnailSize: { width, height },
        });
        return sources.map((source, i) => {
          const display = displays.find((d) => String(d.id) === source.display_id);
          const size = source.thumbnail.getSize();
          const label = display?.label || source.name || `Display ${i + 1}`;
          return { label, frame: { data: bitmapPixels(source.thumbnail.toBitmap()), ...size } };
        });
      } finally {
        win?.show();
      }
    },
  };
}
