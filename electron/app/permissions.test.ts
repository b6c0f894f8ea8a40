import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';

const APP = 'app://keyfob';

describe('isPermissionAllowed', () => {
  it.each([
    ['camera for the app', 'media', 'app://keyfob/index.html', ['video'], true],
    [
      'display capture, even for the app (main captures screens itself)',
      'display-capture',
      'app://keyfob/',
      undefined,
      false,
    ],
    ['a media check without device info', 'media', 'app://keyfob', [], true],
    ['the microphone', 'media', 'app://keyfob/index.html', ['audio'], false],
    ['camera and microphone together', 'media', 'app://keyfob/index.html', ['video', 'audio'], false],
    ['camera for another origin', 'media', 'https://example.com/', ['video'], false],
    ['a look-alike host', 'media', 'app://keyfob.evil/', ['video'], false],
    ['notifications', 'notifications', 'app://keyfob/', undefined, false],
    ['geolocation', 'geolocation', 'app://keyfob/', undefined, false],
    ['clipboard reading', 'clipboard-read', 'app://keyfob/', undefined, false],
    ['an unparseable origin', 'media', 'null', ['video'], false],
  ])('%s → %s', (_name, permission, requestingUrl, mediaTypes, expected) => {
    expect(isPermissionAllowed({ permission, requestingUrl, mediaTypes }, APP)).toBe(expected);
  });
});
