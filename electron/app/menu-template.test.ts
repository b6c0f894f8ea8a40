import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, appMenuTemplate } from './menu-template';

/** The menu as a list of top-level roles, with Help's items after a colon. */
function outline(template: MenuItemConstructorOptions[]): string[] {
  return template.map((item) => {
    const sub = Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? s.label).join(',') : '';
    return sub ? `${item.role}:${sub}` : String(item.role);
  });
}

describe('appMenuTemplate', () => {
  it.each([
    ['macOS, installed', 'darwin', true, ['appMenu', 'editMenu', 'windowMenu', 'help:about']],
    ['macOS, development', 'darwin', false, ['appMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help:about']],
    ['Windows, installed', 'win32', true, ['editMenu', 'help:about']],
    ['Linux, installed', 'linux', true, ['editMenu', 'help:about']],
    ['Linux, development', 'linux', false, ['editMenu', 'viewMenu', 'help:about']],
  ] as const)('%s', (_name, platform, packaged, expected) => {
    expect(outline(appMenuTemplate(platform, packaged))).toEqual(expected);
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
