import { describe, expect, it } from 'vitest';
import { moveByStep, moveTo } from './reorder';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('moveByStep', () => {
  it.each([
    ['c', -1, ids, 'a b c d e'.split(' '), 'acbde'],
    ['c', 1, ids, ids, 'abdce'],
    ['a', -1, ids, ids, null],
    ['e', 1, ids, ids, null],
    // With a search showing only a, c, e: moving e up jumps over hidden d to land before c.
    ['e', -1, ids, ['a', 'c', 'e'], 'abecd'],
    ['a', 1, ids, ['a', 'c', 'e'], 'bcade'],
    ['b', 1, ids, ['a', 'c', 'e'], null],
  ] as const)('%s by %i', (id, delta, all, visible, expected) => {
    const moved = moveByStep(all, visible, id, delta);
    expect(moved === null ? null : moved.join('')).toBe(expected);
  });
});

describe('moveTo', () => {
  it.each([
    ['a', 'c', 'after', 'bcade'],
    ['a', 'c', 'before', 'bacde'],
    ['e', 'a', 'before', 'eabcd'],
    ['d', 'a', 'after', 'adbce'],
    ['b', 'a', 'after', null],
    ['b', 'c', 'before', null],
    ['b', 'b', 'before', null],
    ['x', 'a', 'before', null],
  ] as const)('%s %s %s', (id, target, place, expected) => {
    const moved = moveTo(ids, id, target, place);
    expect(moved === null ? null : moved.join('')).toBe(expected);
  });
});
