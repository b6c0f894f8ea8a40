/** The custom scheme the production renderer is served from (never `file://`). */
export const APP_SCHEME = 'app';
/** The one host of that scheme; the app origin is `app://keyfob`. */
export const APP_HOST = 'keyfob';
/** The production renderer's origin, the only one IPC and permissions trust. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * `scheme://host[:port]` of a URL. `URL.origin` is "null" for non-special schemes such as `app:`,
 * so it cannot be used to compare against {@link APP_ORIGIN}.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Where the window loads the renderer from, and the origin that is then trusted. */
export interface RendererEntry {
  url: string;
  origin: string;
}

/**
 * Production: `app://keyfob/index.html`. Development (`electron-vite dev` sets
 * ELECTRON_RENDERER_URL): the Vite dev server, honoured only in an unpackaged app.
 */
export function rendererEntry(env: NodeJS.ProcessEnv, isPackaged: boolean): RendererEntry {
  const devUrl = env.ELECTRON_RENDERER_URL;
  const devOrigin = !isPackaged && devUrl !== undefined ? originOf(devUrl) : null;
  if (devUrl !== undefined && devOrigin !== null) return { url: devUrl, origin: devOrigin };
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
}
