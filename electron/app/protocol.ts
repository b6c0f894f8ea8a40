import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './origin';
import { contentTypeOf, resolveAssetPath } from './asset-path';
import { securityHeaders } from './csp';

/**
 * Declares `app://` as a standard, secure scheme so the renderer gets a real origin (storage,
 * fetch, secure context for the camera). Must run before the app is ready.
 * @see https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererRoot` (out/renderer) on `app://keyfob/`, with the CSP as a response header. */
export function setupAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const path = resolveAssetPath(rendererRoot, request.url, APP_HOST);
    if (path === null) return plain(404, 'Not found');
    try {
      const body = await readFile(path);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: securityHeaders(contentTypeOf(path)),
      });
    } catch {
      return plain(404, 'Not found');
    }
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}
