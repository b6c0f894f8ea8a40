import { describe, expect, it } from 'vitest';
import { isKeyLink, linksInArgv, MAX_LINKS, openLinksIn } from './links';

const KEY = 'otpauth://totp/Site:me?secret=JBSWY3DPEHPK3PXP&issuer=Site';
const TRANSFER = 'otpauth-migration://offline?data=CgA%3D';

describe('linksInArgv', () => {
  it.each([
    ['the deb and Windows handler: exe -- link', ['/opt/Keyfob/keyfob-desktop', '--', KEY], [KEY]],
    ['development: electron app -- link', ['electron', '/src/keyfob', '--', TRANSFER], [TRANSFER]],
    ['a switch Chromium added before --', ['keyfob', '--allow-file-access-from-files', '--', KEY], [KEY]],
    ['several links, in order', ['keyfob', '--', TRANSFER, KEY], [TRANSFER, KEY]],
    ['the scheme in any case', ['keyfob', '--', 'OTPAUTH://totp/x?secret=A'], ['OTPAUTH://totp/x?secret=A']],
    ['a plain start', ['keyfob'], []],
    ['no -- at all: nothing is taken', ['keyfob', KEY], []],
    ['before -- is never a link', [KEY, '--'], []],
    [
      'other schemes and switches after --',
      ['keyfob', '--', 'https://example.com', '--inspect', 'steam://x', 'file:///etc/passwd'],
      [],
    ],
    ['a link with leading space is not one', ['keyfob', '--', ` ${KEY}`], []],
  ])('%s', (_name, argv, links) => {
    expect(linksInArgv(argv)).toEqual(links);
  });

  it(`takes at most ${MAX_LINKS} links`, () => {
    expect(linksInArgv(['keyfob', '--', ...Array<string>(50).fill(KEY)])).toHaveLength(MAX_LINKS);
  });
});

describe('isKeyLink (macOS open-url)', () => {
  it.each([
    [KEY, true],
    [TRANSFER, true],
    ['otpauth:totp', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('%j → %s', (url, ok) => expect(isKeyLink(url)).toBe(ok));
});

describe('openLinksIn', () => {
  it('hands the links on, and does nothing without any', async () => {
    const opened: string[][] = [];
    await openLinksIn(['keyfob', '--', KEY], async (links) => void opened.push(links));
    await openLinksIn(['keyfob'], async (links) => void opened.push(links));
    expect(opened).toEqual([[KEY]]);
  });
});
