import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentTypeOf, resolveAssetPath } from '../electron/app/asset-path';
import { securityHeaders } from '../electron/app/csp';

/** A running static server for the built renderer. */
export interface RendererServer {
  /** `http://127.0.0.1:<port>` — a secure context, like `app://keyfob` in the app. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` (out/renderer) the way the app's `app://` protocol does: same path-traversal
 * rules, same CSP response header. Loopback only.
 */
export async function serveRenderer(root: string): Promise<RendererServer> {
  let host = '';
  const server: Server = createServer((req, res) => {
    const path = resolveAssetPath(root, `http://${host}${req.url ?? '/'}`, host);
    const fail = (status: number): void => {
      res.writeHead(status, securityHeaders('text/plain; charset=utf-8')).end(String(status));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);
    if (path === null) return fail(404);
    readFile(path).then(
      (body) =>
        res
          .writeHead(200, securityHeaders(contentTypeOf(path)))
          .end(req.method === 'HEAD' ? undefined : body),
      () => fail(404),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: `http://${host}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
