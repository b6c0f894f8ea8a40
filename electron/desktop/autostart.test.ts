import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTOSTART_FILE, autostartDir, autostartEntry, execArgument, setAutostart } from './autostart';
import { launchCommand } from './login-item';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyfob-autostart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('execArgument (Desktop Entry quoting)', () => {
  it.each`
    arg                                   | quoted
    ${'/opt/Keyfob/keyfob-desktop'}       | ${'/opt/Keyfob/keyfob-desktop'}
    ${'/home/me/My Apps/Keyfob.AppImage'} | ${'"/home/me/My Apps/Keyfob.AppImage"'}
    ${'100%'}                             | ${'100%%'}
    ${'a"b'}                              | ${'"a\\\\"b"'}
    ${'back\\slash'}                      | ${'"back\\\\\\\\slash"'}
    ${'$HOME'}                            | ${'"\\\\$HOME"'}
    ${''}                                 | ${'""'}
  `('$arg → $quoted', ({ arg, quoted }: { arg: string; quoted: string }) => {
    expect(execArgument(arg)).toBe(quoted);
  });
});

// GLib reads desktop files as GNOME, Xfce, Cinnamon and MATE do: launching the entry with gio must
// hand the program exactly the arguments it was written with.
const GIO = '/usr/bin/gio';
describe.skipIf(!existsSync(GIO))('an autostart entry as GLib launches it', () => {
  it('passes every argument through unchanged', async () => {
    const out = join(dir, 'args.txt');
    const args = [
      'plain',
      'with space',
      'quote"s',
      "single'q",
      'back\\slash',
      '$HOME',
      'tick`',
      '100%',
      'a;b',
      'new\nline',
      '',
    ];
    const script = 'for a; do printf "[%s]\\n" "$a"; done > "$0"';
    await writeFile(join(dir, 'try.desktop'), autostartEntry(['/bin/sh', '-c', script, out, ...args]));
    execFileSync(GIO, ['launch', join(dir, 'try.desktop')]);
    await expect.poll(() => existsSync(out)).toBe(true);
    await expect.poll(async () => readFile(out, 'utf8')).toBe(args.map((a) => `[${a}]\n`).join(''));
  });
});

describe('setAutostart', () => {
  it('writes the entry (creating the folder), replaces it, and removes it; removing twice is fine', async () => {
    const folder = join(dir, 'config', 'autostart');
    await setAutostart(folder, ['/opt/Keyfob/keyfob-desktop']);
    const text = await readFile(join(folder, AUTOSTART_FILE), 'utf8');
    expect(text).toContain('\nExec=/opt/Keyfob/keyfob-desktop\n');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Keyfob\n/);
    await setAutostart(folder, ['/new/place/keyfob-desktop']);
    expect(await readFile(join(folder, AUTOSTART_FILE), 'utf8')).toContain('Exec=/new/place/keyfob-desktop');
    await setAutostart(folder, null);
    await expect(stat(join(folder, AUTOSTART_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(setAutostart(folder, null)).resolves.toBeUndefined();
  });
});

describe('where and what', () => {
  it.each([
    [{}, '/home/me/.config/autostart'],
    [{ XDG_CONFIG_HOME: '/cfg' }, '/cfg/autostart'],
    [{ XDG_CONFIG_HOME: 'relative' }, '/home/me/.config/autostart'],
  ])('autostartDir(%j) is %s', (env, expected) => {
    expect(autostartDir(env, '/home/me')).toBe(expected);
  });

  it.each([
    ['installed', {}, '/opt/Keyfob/keyfob-desktop', false, undefined, ['/opt/Keyfob/keyfob-desktop']],
    [
      'an AppImage: the file, not its mount',
      { APPIMAGE: '/home/me/Keyfob.AppImage' },
      '/tmp/.mount_x/keyfob-desktop',
      false,
      undefined,
      ['/home/me/Keyfob.AppImage'],
    ],
    [
      'developing: Electron and the app folder',
      {},
      '/src/node_modules/electron/dist/electron',
      true,
      '/src',
      ['/src/node_modules/electron/dist/electron', '/src'],
    ],
  ] as const)('launchCommand: %s', (_name, env, execPath, defaultApp, appArgument, expected) => {
    expect(launchCommand(env, execPath, defaultApp, appArgument)).toEqual(expected);
  });
});
