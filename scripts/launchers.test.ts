import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArguments } from '../electron/app/launch-mode';

// The `keyfob` launchers an installed app puts on PATH, run against a stand-in app binary that
// prints its arguments one per line and exits 7: the arguments must reach the app in the form
// its command-line dispatch expects, and the exit status must come back unchanged.
const ROOT = join(__dirname, '..');
const FAKE_APP = '#!/bin/sh\nprintf "%s\\n" "$@"\nexit 7\n';
const USER_ARGS = ['code', 'git hub', '--json', '--', "it's"];
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'keyfob-launchers-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function place(path: string, content: string | { from: string }): Promise<string> {
  const target = join(scratch, path);
  await mkdir(dirname(target), { recursive: true });
  if (typeof content === 'string') await writeFile(target, content);
  else await copyFile(join(ROOT, content.from), target);
  await chmod(target, 0o755);
  return target;
}

function run(command: string, args: string[]): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) => {
    execFile(command, args, (error, stdout) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, lines: stdout.split('\n').slice(0, -1) });
    });
  });
}

describe.skipIf(process.platform === 'win32')('POSIX launchers (sh scripts; not runnable on Windows)', () => {
  it.each([
    ['Linux, run through a PATH symlink', 'linux'],
    ['macOS, run through the README symlink', 'mac'],
  ])('%s', async (_name, os) => {
    const { script, app } =
      os === 'linux'
        ? { script: 'Keyfob/bin/keyfob', app: 'Keyfob/keyfob-desktop' }
        : { script: 'Keyfob.app/Contents/Resources/bin/keyfob', app: 'Keyfob.app/Contents/MacOS/Keyfob' };
    const base = `${os}/`;
    await place(base + app, FAKE_APP);
    const launcher = await place(base + script, { from: `build/${os}/keyfob` });
    const link = join(scratch, base, 'usr/local/bin/keyfob');
    await mkdir(dirname(link), { recursive: true });
    await symlink(launcher, link);

    const { code, lines } = await run(link, USER_ARGS);
    expect(code).toBe(7);
    expect(cliArguments([join(scratch, base, app), ...lines])).toEqual(USER_ARGS);
    if (os === 'linux') expect(lines.slice(0, 2)).toEqual(['--ozone-platform=headless', '--disable-gpu']);
  });
});

describe('build/win/keyfob.cmd', () => {
  it('runs Keyfob.exe from the install folder in command-line mode and returns its exit code', async () => {
    const text = await readFile(join(ROOT, 'build/win/keyfob.cmd'), 'utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const commands = lines.filter((l) => l !== '' && !/^rem\b/i.test(l));
    expect(commands).toEqual([
      '@echo off',
      'setlocal',
      '"%~dp0..\\Keyfob.exe" --keyfob-cli -- %*',
      'exit /b %ERRORLEVEL%',
    ]);
  });
});
