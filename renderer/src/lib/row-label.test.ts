import { describe, expect, it } from 'vitest';
import {
  avatarHue,
  avatarInitial,
  displayName,
  rowLabel,
  secondaryName,
  type RowLabelParts,
} from './row-label';

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
    ['GitHub', 'alice', 'GitHub', 'alice'],
    ['', 'alice', 'alice', ''],
    ['  ', ' bob ', 'bob', ''],
  ])('%j / %j → %j / %j', (issuer, account, first, second) => {
    expect(displayName(issuer, account)).toBe(first);
    expect(secondaryName(issuer, account)).toBe(second);
  });

  it.each([
    ['GitHub', 'G'],
    ['élan', 'É'],
    ['  @home', 'H'],
    ['1Password', '1'],
    ['', '?'],
  ])('initial of %j is %j', (name, initial) => {
    expect(avatarInitial(name)).toBe(initial);
  });

  it('gives a name the same hue every time, different names usually different hues', () => {
    expect(avatarHue('GitHub')).toBe(avatarHue('github'));
    expect(new Set(['GitHub', 'Google', 'Dropbox', 'Steam', 'AWS', 'Proton'].map(avatarHue)).size).toBe(6);
    for (const n of ['', 'x', 'A very long issuer name indeed'])
      expect(avatarHue(n)).toBeGreaterThanOrEqual(0);
  });
});
