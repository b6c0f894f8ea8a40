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

const MAC_APP = 'appMenu:about,-,Settings…,-,services,-,hide,hideOthers,unhide,-,quit';
const FILE = 'fileMenu:Settings…,-,quit';

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

  it.each([
    ['darwin', 'appMenu'],
    ['linux', 'fileMenu'],
  ] as const)('on %s, Settings… has Ctrl/Cmd+, and opens the Settings dialog', (platform, menu) => {
    const opened: string[] = [];
    const top = appMenuTemplate(platform, true, () => opened.push('settings')).find((i) => i.role === menu);
    const item = (top?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Settings…');
    expect(item?.accelerator).toBe('CommandOrControl+,');
    (item?.click as () => void)();
    expect(opened).toEqual(['settings']);
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
