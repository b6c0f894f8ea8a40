import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The installed app's `keyfob` command is the built main bundle started with --keyfob-cli. Under
// plain Node a test double stands in for the `electron` module (test-support/packaging/fake-electron.mjs);
// everything else is the real out/main/index.js, compared with `node out/main/keyfob.js`.
const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'out/main/index.js');
const CLI = join(ROOT, 'out/main/keyfob.js');
const FAKE = join(ROOT, 'test-support/packaging/fake-electron.mjs');
const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const asApp = (args: string[], env?: NodeJS.ProcessEnv): Promise<Run> =>
  node(['--import', pathToFileURL(FAKE).href, MAIN, ...args], env);

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('No built app in out/; run `npm run build` first.');
});

describe('the app started with --keyfob-cli', () => {
  it.each([
    ['inspect a key', ['inspect', URI]],
    ['codes for a key at a fixed time', ['code', '--uri', URI, '--at', '1700000000']],
    ['a bad key', ['inspect', 'otpauth://totp/x?secret=NOT!BASE32']],
    ['an unknown command', ['frobnicate']],
    ['no command', []],
    ['help', ['--help']],
  ])('%s: same output and exit status as node out/main/keyfob.js', async (_name, args) => {
    const [app, cli] = await Promise.all([asApp(['--keyfob-cli', '--', ...args]), node([CLI, ...args])]);
    expect(app).toEqual(cli);
  });

  it('works as the Linux launcher starts it, Chromium switches first', async () => {
    const run = await asApp([
      '--ozone-platform=headless',
      '--disable-gpu',
      '--keyfob-cli',
      '--',
      'inspect',
      URI,
    ]);
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('issuer    Example')]);
  });
});

describe('launch checks', () => {
  it('an installed app refuses --remote-debugging-port with one line on stderr', async () => {
    const run = await asApp(['--remote-debugging-port=9222', '--keyfob-cli', '--', 'inspect', URI], {
      FAKE_ELECTRON_PACKAGED: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Keyfob: refusing to start with --remote-debugging-port: [^\n]+\n$/);
  });

  it('a development build keeps it (electron-vite dev uses it)', async () => {
    const run = await asApp(['--remote-debugging-port=9222', '--keyfob-cli', '--', 'inspect', URI]);
    expect(run.code).toBe(0);
  });

  it('without --keyfob-cli the desktop start-up runs (the test double stops it at app.setName)', async () => {
    const run = await asApp(['--', 'list']);
    expect(run.stderr).toContain('fake electron: app.setName is not available here');
  });
});
