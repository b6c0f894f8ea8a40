import { describe, expect, it } from 'vitest';
import { parseMetadata, serializeMetadata, type Entry } from './metadata';
import { record } from '../../test-support/vault/fixtures';

const entry = (id: string, more: Partial<Entry> = {}): Entry => ({
  id,
  state: 'active',
  issuer: 'Acme',
  account: id,
  type: 'hotp',
  algorithm: 'SHA512',
  digits: 8,
  period: 30,
  counter: 0n,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  ...more,
});

describe('metadata file format', () => {
  it.each([0n, 1n, 2n ** 53n + 1n, 2n ** 64n - 1n])(
    'round-trips counter %s exactly (decimal string on disk)',
    (counter) => {
      const text = serializeMetadata([entry('a', { counter })]);
      expect(text).toContain(`"counter": "${counter}"`);
      expect(parseMetadata(text)).toEqual([entry('a', { counter })]);
    },
  );

  it('keeps every state and writes the file order as "order"', () => {
    const entries = [entry('a'), entry('b', { state: 'pending' }), entry('c', { state: 'deleting' })];
    const doc = JSON.parse(serializeMetadata(entries)) as {
      version: number;
      accounts: Array<{ order: number }>;
    };
    expect(doc.version).toBe(1);
    expect(doc.accounts.map((a) => a.order)).toEqual([0, 1, 2]);
    expect(parseMetadata(serializeMetadata(entries))).toEqual(entries);
  });

  it('sorts by "order" when reading (hand-edited files)', () => {
    const text = JSON.stringify({
      version: 1,
      accounts: [
        record('x', 'active', { order: 2 }),
        record('y', 'active', { order: 0 }),
        record('z', 'active', { order: 1 }),
      ],
    });
    expect(parseMetadata(text).map((e) => e.id)).toEqual(['y', 'z', 'x']);
  });

  it.each([
    [
      'counter 2^64',
      { counter: '18446744073709551616' },
      /"counter" that is not a decimal number below 2\^64/,
    ],
    ['counter as a number', { counter: 5 }, /no text "counter"/],
    ['digits as text', { digits: '6' }, /no whole number "digits"/],
    ['empty id', { id: '' }, /empty "id"/],
    ['unknown type', { type: 'motp' }, /unknown "type"/],
    ['missing issuer', { issuer: undefined }, /no text "issuer"/],
  ])('rejects %s, naming the account and field', (_name, more, message) => {
    const text = JSON.stringify({ version: 1, accounts: [record('x', 'active', more)] });
    expect(() => parseMetadata(text)).toThrow(message);
    expect(() => parseMetadata(text)).toThrow(/^account #1/);
  });
});
