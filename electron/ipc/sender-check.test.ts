import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

const trusted = { webContentsId: 7, origin: 'app://keyfob' };
const good = { senderId: 7, frameUrl: 'app://keyfob/index.html', isMainFrame: true };

describe('isTrustedSender', () => {
  it.each([
    ['the main window on the app origin', good, trusted, true],
    ['another window', { ...good, senderId: 8 }, trusted, false],
    ['an iframe of the main window', { ...good, isMainFrame: false }, trusted, false],
    ['the main window navigated elsewhere', { ...good, frameUrl: 'https://evil.example/' }, trusted, false],
    ['a file:// page', { ...good, frameUrl: 'file:///tmp/x.html' }, trusted, false],
    ['a frame already gone', { ...good, frameUrl: null }, trusted, false],
    ['before the window exists', good, { ...trusted, webContentsId: null }, false],
  ])('%s → %s', (_name, facts, who, expected) => expect(isTrustedSender(facts, who)).toBe(expected));
});
