import { extname, join, normalize, sep } from 'node:path';

/** MIME types of the files Vite emits into out/renderer. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type for a file name; unknown kinds are served as opaque bytes. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request URL to a file under `root`, or null when it must not be served: another host,
 * a malformed escape, a NUL byte, or a path that climbs out of `root` (`/../`, `%2e%2e%2f`, `..\`).
 * `/` serves `index.html`. Query and fragment are ignored.
 */
export function resolveAssetPath(root: string, requestUrl: string, host: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== host) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const full = normalize(join(base, pathname));
  return full.startsWith(base) && full !== base ? full : null;
}
