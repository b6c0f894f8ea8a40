import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAssetPath } from './asset-path';

const ROOT = '/srv/keyfob/out/renderer';

describe('resolveAssetPath', () => {
  it.each([
    ['app://keyfob/', join(ROOT, 'index.html')],
    ['app://keyfob/index.html?x=1#top', join(ROOT, 'index.html')],
    ['app://keyfob/assets/index-abc.js', join(ROOT, 'assets/index-abc.js')],
    ['app://keyfob/assets/a%20b.css', join(ROOT, 'assets/a b.css')],
    // URL parsing resolves dot segments (plain or %2e-encoded) against the root, never above it.
    ['app://keyfob/../../etc/passwd', join(ROOT, 'etc/passwd')],
    ['app://keyfob/%2e%2e/%2e%2e/etc/passwd', join(ROOT, 'etc/passwd')],
  ])('serves %s', (url, expected) => expect(resolveAssetPath(ROOT, url, 'keyfob')).toBe(expected));

  it.each([
    ['another host', 'app://evil/index.html'],
    ['an encoded slash climbing out', 'app://keyfob/assets/..%2f..%2f..%2fsecret'],
    ['a backslash', 'app://keyfob/assets/..%5c..%5csecret'],
    ['a NUL byte', 'app://keyfob/index.html%00.png'],
    ['a malformed escape', 'app://keyfob/%E0%A4%A'],
    ['a sibling folder sharing the prefix', 'app://keyfob/..%2frenderer-evil/x.js'],
    ['not a URL', 'keyfob index'],
  ])('refuses %s', (_name, url) => expect(resolveAssetPath(ROOT, url, 'keyfob')).toBeNull());
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['zxing.wasm', 'application/wasm'],
    ['blob.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeOf(file)).toBe(type));
});
