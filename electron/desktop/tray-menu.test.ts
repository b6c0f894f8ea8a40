import { describe, expect, it } from 'vitest';
import { livePins, trayMenuModel, type TrayItem } from './tray-menu';
import { trayTemplate } from './tray';

const ACCOUNTS = [
  { id: 'gh', issuer: 'GitHub', account: 'alice' },
  { id: 'aws', issuer: 'AWS & Co', account: '' },
  { id: 'odd', issuer: 'Evil\nBank', account: 'x'.repeat(120) },
];

/** The menu as lines: "label" for items ("(label)" when disabled, "→ action"), "—" for separators. */
const outline = (items: readonly TrayItem[]) =>
  items.map((i) =>
    i.kind === 'separator'
      ? '—'
      : `${i.enabled ? i.label : `(${i.label})`}${i.action ? ` → ${i.action}` : ''}`,
  );

const COMMANDS = [
  '—',
  'Show Keyfob → show',
  'Scan QR code from screen… → scan-screen',
  'Settings… → settings',
  '—',
];

describe('trayMenuModel', () => {
  it.each([
    [
      'nothing pinned',
      [],
      'linux',
      ['(No pinned accounts: pin one from its ⋯ menu)', ...COMMANDS, 'Quit → quit'],
    ],
    [
      'pins in their own order, & doubled for Windows and Linux menus',
      ['aws', 'gh'],
      'windows',
      ['(Copy code)', 'AWS && Co → copy:aws', 'GitHub: alice → copy:gh', ...COMMANDS, 'Quit → quit'],
    ],
    [
      'macOS keeps & as it is and says Quit Keyfob',
      ['aws'],
      'mac',
      ['(Copy code)', 'AWS & Co → copy:aws', ...COMMANDS, 'Quit Keyfob → quit'],
    ],
    [
      'a pin whose account is gone is left out',
      ['gone', 'gh'],
      'linux',
      ['(Copy code)', 'GitHub: alice → copy:gh', ...COMMANDS, 'Quit → quit'],
    ],
  ] as const)('%s', (_name, pinned, platform, expected) => {
    expect(outline(trayMenuModel({ accounts: ACCOUNTS, pinned, platform }))).toEqual(expected);
  });

  it.each([
    [
      'no lock password: no Lock item',
      { lockable: false, locked: false },
      ['(Copy code)', 'GitHub: alice → copy:gh', ...COMMANDS, 'Quit → quit'],
    ],
    [
      'a lock password, Keyfob open: Lock Keyfob after Show Keyfob',
      { lockable: true, locked: false },
      [
        '(Copy code)',
        'GitHub: alice → copy:gh',
        '—',
        'Show Keyfob → show',
        'Lock Keyfob → lock',
        'Scan QR code from screen… → scan-screen',
        'Settings… → settings',
        '—',
        'Quit → quit',
      ],
    ],
    [
      'locked: no pinned account named, no Lock item; the scan stays (it waits for the unlock)',
      { lockable: true, locked: true },
      ['(Keyfob is locked: show it to unlock)', ...COMMANDS, 'Quit → quit'],
    ],
  ])('%s', (_name, lock, expected) => {
    expect(
      outline(trayMenuModel({ accounts: ACCOUNTS, pinned: ['gh'], platform: 'linux', ...lock })),
    ).toEqual(expected);
  });

  it('flattens an imported name to one line and cuts it', () => {
    const [, item] = trayMenuModel({ accounts: ACCOUNTS, pinned: ['odd'], platform: 'linux' });
    const label = item?.kind === 'item' ? item.label : '';
    expect(label).toMatch(/^Evil Bank: x+…$/);
    expect(label.length).toBe(80);
  });
});

describe('livePins', () => {
  it.each([
    [
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['a', 'c'],
    ],
    [['a'], [], []],
    [[], ['a'], []],
  ])('%j with accounts %j → %j', (pinned, ids, live) => {
    expect(livePins(pinned, new Set(ids))).toEqual(live);
  });
});

describe('trayTemplate (what Electron builds the menu from)', () => {
  it('maps separators, labels and enabled state, and a click chooses the action', () => {
    const chosen: string[] = [];
    const template = trayTemplate(
      trayMenuModel({ accounts: ACCOUNTS, pinned: ['gh'], platform: 'linux' }),
      async (a) => void chosen.push(a),
    );
    expect(template.map((t) => t.type ?? (t.enabled ? t.label : `(${t.label})`))).toEqual([
      '(Copy code)',
      'GitHub: alice',
      'separator',
      'Show Keyfob',
      'Scan QR code from screen…',
      'Settings…',
      'separator',
      'Quit',
    ]);
    (template[1]?.click as () => void)();
    (template[5]?.click as () => void)();
    expect(chosen).toEqual(['copy:gh', 'settings']);
    expect(template[0]?.click).toBeUndefined();
  });
});
