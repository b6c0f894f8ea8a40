import { describe, expect, it } from 'vitest';
import { acceleratorLabel, acceleratorOf, checkAccelerator, DEFAULT_SHORTCUT } from './accelerator';

describe('checkAccelerator', () => {
  it.each`
    what                                    | text                        | canonical
    ${'the default'}                        | ${'CommandOrControl+Alt+K'} | ${'CommandOrControl+Alt+K'}
    ${'any case and spacing, with aliases'} | ${'cmdorctrl + option + k'} | ${'CommandOrControl+Alt+K'}
    ${'Control and Meta'}                   | ${'Control+Meta+1'}         | ${'Ctrl+Super+1'}
    ${'a function key alone'}               | ${'F13'}                    | ${'F13'}
    ${'a function key with Shift'}          | ${'shift+f5'}               | ${'Shift+F5'}
    ${'punctuation'}                        | ${'Ctrl+Shift+/'}           | ${'Ctrl+Shift+/'}
    ${'a named key'}                        | ${'Alt+pageup'}             | ${'Alt+PageUp'}
    ${'no shortcut'}                        | ${''}                       | ${''}
  `('accepts $what: $text → $canonical', ({ text, canonical }: { text: string; canonical: string }) => {
    expect(checkAccelerator(text)).toEqual({ ok: true, accelerator: canonical });
  });

  it.each([
    ['a bare letter', 'K', /needs Ctrl, Alt, Cmd or Super/],
    ['Shift and a letter', 'Shift+K', /needs Ctrl, Alt, Cmd or Super/],
    ['an unknown modifier', 'Hyper+K', /“Hyper” is not a modifier key/],
    ['a modifier twice', 'Ctrl+Control+K', /Ctrl appears twice/],
    ['two keys', 'Ctrl+K+L', /“K” is not a modifier key/],
    ['an unknown key', 'Ctrl+Alt+Banana', /“Banana” is not a key Keyfob can use/],
    ['F25', 'Ctrl+F25', /“F25” is not a key/],
    ['modifiers only', 'Ctrl+Alt', /“Alt” is not a key/],
    ['a trailing plus', 'Ctrl+', /“” is not a key/],
    ['a very long text', `Ctrl+${'A'.repeat(100)}`, /too long/],
  ])('refuses %s (%j)', (_name, text, message) => {
    const checked = checkAccelerator(text);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.message).toMatch(message);
  });
});

describe('acceleratorOf (a key press in the capture field)', () => {
  const press = (
    code: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
  ) => ({
    code,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });
  it.each([
    ['Ctrl+Alt+K on Linux', press('KeyK', { ctrlKey: true, altKey: true }), false, 'Ctrl+Alt+K'],
    [
      '⌘⌥K on a Mac (the physical K, not the ˚ it types)',
      press('KeyK', { metaKey: true, altKey: true }),
      true,
      'Command+Alt+K',
    ],
    ['the Windows key', press('Digit3', { metaKey: true }), false, 'Super+3'],
    ['Shift+F5', press('F5', { shiftKey: true }), false, 'Shift+F5'],
    ['an arrow', press('ArrowUp', { ctrlKey: true }), false, 'Ctrl+Up'],
    ['a slash', press('Slash', { ctrlKey: true }), false, 'Ctrl+/'],
    ['only a modifier so far', press('ControlLeft', { ctrlKey: true }), false, null],
    ['a key Keyfob does not use', press('NumpadEnter', { ctrlKey: true }), false, null],
  ])('%s', (_name, event, mac, expected) => {
    expect(acceleratorOf(event, mac)).toBe(expected);
  });
});

describe('acceleratorLabel', () => {
  it.each([
    ['linux', DEFAULT_SHORTCUT, 'Ctrl+Alt+K'],
    ['windows', DEFAULT_SHORTCUT, 'Ctrl+Alt+K'],
    ['mac', DEFAULT_SHORTCUT, 'Cmd+Option+K'],
    ['windows', 'Super+Shift+F5', 'Win+Shift+F5'],
    ['linux', 'Super+1', 'Super+1'],
  ] as const)('on %s, %s reads %s', (platform, accelerator, label) => {
    expect(acceleratorLabel(accelerator, platform)).toBe(label);
  });
});
