import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetsDir, trayIconName } from './bundled-assets';

describe('assetsDir', () => {
  it.each([
    ['a development build', '/src/keyfob/out/main', '/src/keyfob/assets'],
    ['an installed app', '/opt/Keyfob/resources/app.asar/out/main', '/opt/Keyfob/resources/app.asar/assets'],
  ])('%s', (_name, mainDir, expected) => expect(assetsDir(mainDir)).toBe(join(expected)));
});

describe('trayIconName', () => {
  it.each([
    ['darwin', false, 'iconTemplate.png'],
    ['darwin', true, 'iconTemplate.png'],
    ['win32', true, 'tray-dark.png'],
    ['win32', false, 'tray-light.png'],
    ['linux', true, 'tray-dark.png'],
    ['linux', false, 'tray-light.png'],
  ] as const)('%s, dark panel %s → %s', (platform, dark, expected) =>
    expect(trayIconName(platform, dark)).toBe(expected),
  );
});
