import { describe, expect, it } from 'vitest';
import { PORTAL_FEATURE, shortcutFailure, withFeature } from './shortcut';

describe('withFeature (one --enable-features list)', () => {
  it.each([
    ['', 'GlobalShortcutsPortal'],
    ['WebRTCPipeWireCapturer', 'WebRTCPipeWireCapturer,GlobalShortcutsPortal'],
    ['A, B', 'A,B,GlobalShortcutsPortal'],
    ['GlobalShortcutsPortal,A', 'GlobalShortcutsPortal,A'],
  ])('%j → %j', (existing, merged) => {
    expect(withFeature(existing, PORTAL_FEATURE)).toBe(merged);
  });
});

describe('shortcutFailure', () => {
  it.each([
    [
      false,
      /^Ctrl\+Alt\+K could not be registered: another program probably uses it\. Choose another shortcut\.$/,
    ],
    [true, /Wayland desktop did not accept it through its shortcut portal.*bind a key to start Keyfob/],
  ])('wayland=%s', (wayland, message) => {
    expect(shortcutFailure('Ctrl+Alt+K', wayland)).toMatch(message);
  });
});
