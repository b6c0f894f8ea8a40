import { describe, expect, it } from 'vitest';
import { resolveVaultLocation } from './location';

describe('resolveVaultLocation', () => {
  const cases: Array<
    [string, NodeJS.Platform, NodeJS.ProcessEnv, string, { home: string; service: string }]
  > = [
    ['linux default', 'linux', {}, '/home/ann', { home: '/home/ann/.config/Keyfob', service: 'Keyfob' }],
    [
      'linux XDG',
      'linux',
      { XDG_CONFIG_HOME: '/x/cfg' },
      '/home/ann',
      { home: '/x/cfg/Keyfob', service: 'Keyfob' },
    ],
    [
      'linux empty XDG',
      'linux',
      { XDG_CONFIG_HOME: '' },
      '/home/ann',
      { home: '/home/ann/.config/Keyfob', service: 'Keyfob' },
    ],
    [
      'linux relative XDG',
      'linux',
      { XDG_CONFIG_HOME: 'cfg' },
      '/home/ann',
      { home: '/home/ann/.config/Keyfob', service: 'Keyfob' },
    ],
    [
      'freebsd like linux',
      'freebsd',
      {},
      '/home/ann',
      { home: '/home/ann/.config/Keyfob', service: 'Keyfob' },
    ],
    [
      'macOS',
      'darwin',
      { XDG_CONFIG_HOME: '/ignored' },
      '/Users/ann',
      { home: '/Users/ann/Library/Application Support/Keyfob', service: 'Keyfob' },
    ],
    [
      'windows APPDATA',
      'win32',
      { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
      'C:\\Users\\ann',
      { home: 'C:\\Users\\ann\\AppData\\Roaming\\Keyfob', service: 'Keyfob' },
    ],
    [
      'windows no APPDATA',
      'win32',
      {},
      'C:\\Users\\ann',
      { home: 'C:\\Users\\ann\\AppData\\Roaming\\Keyfob', service: 'Keyfob' },
    ],
    [
      'KEYFOB_HOME wins',
      'linux',
      { KEYFOB_HOME: '/tmp/kf', XDG_CONFIG_HOME: '/x' },
      '/home/ann',
      { home: '/tmp/kf', service: 'Keyfob' },
    ],
    [
      'KEYFOB_HOME on windows',
      'win32',
      { KEYFOB_HOME: 'D:\\kf' },
      'C:\\Users\\ann',
      { home: 'D:\\kf', service: 'Keyfob' },
    ],
    [
      'service override',
      'darwin',
      { KEYFOB_KEYCHAIN_SERVICE: 'Keyfob-test' },
      '/Users/ann',
      { home: '/Users/ann/Library/Application Support/Keyfob', service: 'Keyfob-test' },
    ],
    [
      'blank overrides ignored',
      'linux',
      { KEYFOB_HOME: ' ', KEYFOB_KEYCHAIN_SERVICE: '' },
      '/home/ann',
      { home: '/home/ann/.config/Keyfob', service: 'Keyfob' },
    ],
  ];
  it.each(cases)('%s', (_name, platform, env, home, expected) => {
    expect(resolveVaultLocation(env, platform, home)).toEqual(expected);
  });
});
