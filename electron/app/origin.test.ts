import { describe, expect, it } from 'vitest';
import { originOf, rendererEntry } from './origin';

describe('originOf', () => {
  it.each([
    ['app://keyfob/index.html', 'app://keyfob'],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173'],
    ['file:///etc/passwd', null],
    ['about:blank', null],
    ['not a url', null],
  ])('%s → %s', (url, origin) => expect(originOf(url)).toBe(origin));
});

describe('rendererEntry', () => {
  const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
  it.each([
    ['production', {}, false, 'app://keyfob/index.html', 'app://keyfob'],
    ['electron-vite dev', dev, false, 'http://localhost:5173', 'http://localhost:5173'],
    ['a packaged app ignores the dev URL', dev, true, 'app://keyfob/index.html', 'app://keyfob'],
    [
      'a garbage dev URL is ignored',
      { ELECTRON_RENDERER_URL: 'nonsense' },
      false,
      'app://keyfob/index.html',
      'app://keyfob',
    ],
  ])('%s', (_name, env, packaged, url, origin) => {
    expect(rendererEntry(env, packaged)).toEqual({ url, origin });
  });
});
