import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avatarHue, avatarInitial, rowLabel, type RowLabelParts } from './row-label';

const base: RowLabelParts = {
  issuer: 'GitHub',
  account: 'alice@example.com',
  type: 'totp',
  code: '123456',
};

describe('rowLabel', () => {
  it.each<[Partial<RowLabelParts>, string]>([
    [{}, 'GitHub, alice@example.com, code 123 456'],
    [{ type: 'hotp' }, 'GitHub, alice@example.com, code 123 456'],
    [{ type: 'steam', code: '2FQJM' }, 'GitHub, alice@example.com, code 2FQJM'],
    [{ code: null }, 'GitHub, alice@example.com, code unavailable'],
    [{ code: null, loading: true }, 'GitHub, alice@example.com, loading code'],
    [{ loading: true }, 'GitHub, alice@example.com, code 123 456'],
    [{ issuer: '' }, 'alice@example.com, code 123 456'],
    [{ issuer: '', account: '' }, 'Unnamed account, code 123 456'],
  ])('%j → %s', (patch, label) => {
    expect(rowLabel({ ...base, ...patch })).toBe(label);
  });
});

describe('names', () => {
  it.each([
    ['GitHub', 'G'],
    ['élan', 'É'],
    ['  @home', 'H'],
    ['1Password', '1'],
    ['', '?'],
  ])('initial of %j is %j', (name, initial) => {
    expect(avatarInitial(name)).toBe(initial);
  });

  // Pinned: a user's avatars keep their colours from one release to the next.
  it.each([
    ['GitHub', 283],
    ['github', 283],
    ['GITHUB', 283],
    ['Google', 217],
    ['', 0],
    ['x', 120],
    ['日本銀行', 3],
    ['🦊 Fox', 33],
  ])('the hue of %j is %i', (name, hue) => {
    expect(avatarHue(name)).toBe(hue);
  });

  it('any name gets a whole-degree hue in [0, 360), the same every time, whatever its letter case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const hue = avatarHue(name);
        expect(Number.isInteger(hue) && hue >= 0 && hue < 360).toBe(true);
        expect(avatarHue(name)).toBe(hue);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (name) => {
        expect(avatarHue(name.toUpperCase())).toBe(avatarHue(name.toLowerCase()));
      }),
    );
  });

  it('spreads hues: common issuers fall in most of the colour wheel, near-identical names differ', () => {
    const issuers = ['GitHub', 'Google', 'Microsoft', 'Amazon', 'AWS', 'Dropbox', 'Slack', 'Discord'];
    issuers.push('Twitter', 'Facebook', 'Instagram', 'Reddit', 'Steam', 'Epic Games', 'PayPal');
    issuers.push('Coinbase', 'Binance', 'Proton', 'Bitwarden', 'Cloudflare', 'DigitalOcean', 'GitLab');
    const hues = issuers.map(avatarHue);
    expect(new Set(hues).size).toBeGreaterThanOrEqual(issuers.length - 2);
    // Twelve 30° sectors (red, orange, yellow, …): at least nine in use.
    expect(new Set(hues.map((h) => Math.floor(h / 30))).size).toBeGreaterThanOrEqual(9);
    const numbered = Array.from({ length: 10 }, (_, i) => avatarHue(`Server ${i}`));
    expect(new Set(numbered).size).toBe(10);
  });
});
