import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronPackage from 'electron/package.json';

// `npm start` on a fresh clone must reach Electron's runtime download instead of stopping with
// electron-vite's "Electron uninstall". The runtime is made to look missing (an override folder
// that does not exist) and the download goes to a local server that drops every connection, so
// this runs offline, never touches node_modules/electron, and behaves the same where Electron
// is installed.
const ROOT = join(__dirname, '..');
const requested: string[] = [];
let server: Server;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'keyfob-start-'));
  server = createServer((request) => {
    requested.push(request.url ?? '');
    request.socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});

/** Runs `npm start`; resolves with its exit code and everything it printed. */
function npmStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['start'], { cwd: ROOT, env, shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A regression that skips the download would build and launch instead: stop it.
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm start with no Electron runtime on disk', () => {
  it('attempts the download, reports the network error and stops', async () => {
    const { port } = server.address() as AddressInfo;
    const { code, output } = await npmStart({
      ...process.env,
      ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'no-electron-here'),
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: join(scratch, 'cache'),
    });
    const version = electronPackage.version;
    expect(output).toContain(`the Electron ${version} runtime is not installed yet`);
    expect(output).toMatch(
      new RegExp(`downloading http://127\\.0\\.0\\.1:${port}/v${version}/electron-v${version}-`),
    );
    expect(output).toContain('could not fetch the Electron runtime (TypeError: fetch failed');
    expect(output).not.toContain('Electron uninstall');
    expect(output).not.toMatch(/^\s+at /m);
    expect(requested).toEqual([
      expect.stringMatching(new RegExp(`^/v${version}/electron-v${version}-.+\\.zip$`)),
    ]);
    expect(code).not.toBe(0);
  });
});
