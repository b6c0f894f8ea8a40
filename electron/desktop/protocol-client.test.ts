import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolRegistration, type LaunchFacts } from './protocol-client';

const BASE: LaunchFacts = {
  platform: 'linux',
  isPackaged: true,
  defaultApp: false,
  appImage: false,
  execPath: '/opt/Keyfob/keyfob-desktop',
  appArgument: undefined,
};

describe('protocolRegistration', () => {
  it.each<[string, Partial<LaunchFacts>, ReturnType<typeof protocolRegistration>]>([
    ['macOS, installed: the bundle declares the schemes; become their default', { platform: 'darwin' }, {}],
    [
      'macOS, development: Electron.app declares no such scheme',
      { platform: 'darwin', isPackaged: false, defaultApp: true },
      null,
    ],
    ['Windows, installed: the installer wrote the handler with --', { platform: 'win32' }, null],
    [
      'Windows, development: Electron, the app folder, then --',
      {
        platform: 'win32',
        isPackaged: false,
        defaultApp: true,
        execPath: 'C:\\electron.exe',
        appArgument: '.',
      },
      { path: 'C:\\electron.exe', args: [resolve('.'), '--'] },
    ],
    ['Linux deb: xdg-settings with the installed desktop file', {}, {}],
    ['Linux AppImage: nothing installed to name', { appImage: true }, null],
    ['Linux development', { isPackaged: false, defaultApp: true, appArgument: '.' }, null],
  ])('%s', (_name, facts, expected) => {
    expect(protocolRegistration({ ...BASE, ...facts })).toEqual(expected);
  });
});
