import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder.yml and the files it points at, checked against what each installer must do.
const ROOT = join(__dirname, '..');
/** The parts of electron-builder.yml these tests read. */
interface BuilderConfig {
  electronFuses: unknown;
  protocols: Array<{ schemes: string[] }>;
  nsis: unknown;
  linux: { target: unknown };
  win: { target: unknown; extraFiles: unknown };
  mac: { target: unknown; extendInfo: Record<string, string>; extraResources: unknown };
  deb: { depends: unknown; fpm: unknown };
}
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const text = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('electron-builder.yml', () => {
  it('flips the fuses that lock the packaged app down', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('registers the otpauth and otpauth-migration link schemes', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['otpauth', 'otpauth-migration']);
  });

  it.each<['win' | 'mac' | 'linux', string[]]>([
    ['win', ['nsis']],
    ['mac', ['dmg', 'zip']],
    ['linux', ['AppImage', 'deb']],
  ])('%s builds %j', (os, targets) => expect(config[os].target).toEqual(targets));

  it('makes a per-user NSIS installer with a Start-menu entry that keeps the vault', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      include: 'build/installer.nsh',
    });
  });

  it('signs macOS with the hardened runtime and explains the camera and screen prompts', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera.+QR code/);
    expect(config.mac.extendInfo.NSScreenCaptureUsageDescription).toMatch(/screen/);
  });

  it('makes the deb depend on electron-builder defaults, libsecret and a Secret Service provider', () => {
    // electron-builder's own list (replaced, not extended, when depends is set).
    const defaults = [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
    ];
    expect(config.deb.depends).toEqual([
      ...defaults,
      'libsecret-1-0',
      'gnome-keyring | kwalletmanager | keepassxc',
    ]);
  });

  it.each([
    ['build/linux/keyfob', true],
    ['build/mac/keyfob', true],
    ['build/win/keyfob.cmd', false],
    ['build/installer.nsh', false],
    ['build/entitlements.mac.plist', false],
  ])('%s exists (executable: %s)', (path, executable) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
    if (executable && process.platform !== 'win32') accessSync(join(ROOT, path), constants.X_OK);
  });

  it('puts the launchers where the READMEs and the installer expect them', () => {
    expect(config.deb.fpm).toEqual(['build/linux/keyfob=/usr/bin/keyfob']);
    expect(config.mac.extraResources).toEqual([{ from: 'build/mac/keyfob', to: 'bin/keyfob' }]);
    expect(config.win.extraFiles).toEqual([{ from: 'build/win/keyfob.cmd', to: 'bin/keyfob.cmd' }]);
  });
});

describe('build/entitlements.mac.plist', () => {
  it.each([
    'com.apple.security.cs.allow-jit',
    'com.apple.security.cs.allow-unsigned-executable-memory',
    'com.apple.security.device.camera',
  ])('grants %s', (key) => {
    expect(text('build/entitlements.mac.plist')).toMatch(
      new RegExp(`<key>${key.replaceAll('.', '\\.')}</key>\\s*<true/>`),
    );
  });

  it('grants nothing else', () => {
    expect(text('build/entitlements.mac.plist').match(/<key>/g)).toHaveLength(3);
  });
});

describe('build/installer.nsh', () => {
  const nsh = text('build/installer.nsh');

  it.each(['otpauth', 'otpauth-migration'])(
    'registers %s links to Keyfob.exe with -- before the link',
    (scheme) => {
      expect(nsh).toContain(`!insertmacro keyfobRegisterScheme "${scheme}"`);
      expect(nsh).toContain(`DeleteRegKey HKCU "Software\\Classes\\${scheme}"`);
    },
  );

  it('passes links after --', () => {
    expect(nsh).toContain(`'"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" -- "%1"'`);
  });

  const makensis = spawnSync('makensis', ['-VERSION']).status === 0;
  it.skipIf(!makensis)(
    'compiles with makensis (the NSIS package; skipped where it is not installed)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'keyfob-nsis-'));
      // electron-builder's installer defines APP_EXECUTABLE_FILENAME and isUpdated; stand-ins here.
      const harness = [
        'Unicode true',
        '!include LogicLib.nsh',
        '!define APP_EXECUTABLE_FILENAME "Keyfob.exe"',
        '!macro _isUpdated _a _b _t _f',
        '  IfSilent `${_t}` `${_f}`',
        '!macroend',
        '!define isUpdated `"" isUpdated ""`',
        `!include "${join(ROOT, 'build/installer.nsh')}"`,
        `OutFile "${join(dir, 'harness.exe')}"`,
        'RequestExecutionLevel user',
        'Section',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        'Section "un.Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
      ].join('\n');
      await writeFile(join(dir, 'harness.nsi'), harness);
      try {
        execFileSync('makensis', ['-V1', '-WX', join(dir, 'harness.nsi')], { stdio: 'pipe' });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
