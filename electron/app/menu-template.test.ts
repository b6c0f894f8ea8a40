import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, appMenuTemplate } from './menu-template';

/** The menu as a list of top-level roles, with Help's items after a colon. */
function outline(template: MenuItemConstructorOptions[]): string[] {
  return template.map((item) => {
    const sub = Array.isArray(item.submenu)
      ? item.submenu.map((s) => s.role ?? s.label ?? '-').join(',')
      : '';
    return sub ? `${item.role}:${sub}` : String(item.role);
  });
}

const MAC_APP = 'appMenu:about,-,Settings…,Lock Keyfob,-,services,-,hide,hideOthers,unhide,-,quit';
const FILE = 'fileMenu:Settings…,Lock Keyfob,-,quit';

describe('appMenuTemplate', () => {
  it.each([
    ['macOS, installed', 'darwin', true, [MAC_APP, 'editMenu', 'windowMenu', 'help:about']],
    ['macOS, development', 'darwin', false, [MAC_APP, 'editMenu', 'viewMenu', 'windowMenu', 'help:about']],
    ['Windows, installed', 'win32', true, [FILE, 'editMenu', 'help:about']],
    ['Linux, installed', 'linux', true, [FILE, 'editMenu', 'help:about']],
    ['Linux, development', 'linux', false, [FILE, 'editMenu', 'viewMenu', 'help:about']],
  ] as const)('%s', (_name, platform, packaged, expected) => {
    expect(outline(appMenuTemplate(platform, packaged))).toEqual(expected);
  });

  /** The item labelled `label` in the top menu with role `menu`, from a template whose actions record into `chosen`. */
  const itemOf = (
    platform: NodeJS.Platform,
    menu: string,
    label: string,
    lockable: boolean,
    chosen: string[],
  ) => {
    const actions = { openSettings: () => chosen.push('settings'), lockNow: () => chosen.push('lock') };
    const top = appMenuTemplate(platform, true, actions, lockable).find((i) => i.role === menu);
    return (top?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === label);
  };

  it.each([
    ['darwin', 'appMenu', 'Settings…', 'CommandOrControl+,', 'settings'],
    ['linux', 'fileMenu', 'Settings…', 'CommandOrControl+,', 'settings'],
    ['darwin', 'appMenu', 'Lock Keyfob', 'CommandOrControl+L', 'lock'],
    ['win32', 'fileMenu', 'Lock Keyfob', 'CommandOrControl+L', 'lock'],
  ] as const)('on %s, %s › %s has %s and chooses %s', (platform, menu, label, accelerator, action) => {
    const chosen: string[] = [];
    const item = itemOf(platform, menu, label, true, chosen);
    expect(item?.accelerator).toBe(accelerator);
    (item?.click as () => void)();
    expect(chosen).toEqual([action]);
  });

  it.each([
    ['a lock password set and Keyfob open', true, true],
    ['no lock password, or Keyfob locked', false, false],
  ])('Lock Keyfob with %s: enabled %s', (_name, lockable, enabled) => {
    expect(itemOf('linux', 'fileMenu', 'Lock Keyfob', lockable, [])?.enabled).toBe(enabled);
  });

  it('labels the About item with the product name', () => {
    const help = appMenuTemplate('linux', true).find((item) => item.role === 'help');
    expect(help?.submenu).toEqual([{ role: 'about', label: 'About Keyfob' }]);
  });
});

describe('aboutPanelOptions', () => {
  it('names the app, its version and its icon', () => {
    expect(aboutPanelOptions('1.2.3', '/app/assets/icon.png')).toMatchObject({
      applicationName: 'Keyfob',
      applicationVersion: '1.2.3',
      iconPath: '/app/assets/icon.png',
    });
  });
});
