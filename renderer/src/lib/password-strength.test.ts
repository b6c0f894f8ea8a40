import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it.each([
    ['', 0],
    ['abc', 1],
    ['password', 1],
    ['aaaaaaaaaaaaaaaaaaaa', 1],
    ['Tr0ub4dor&3', 2],
    ['purple monkey', 3],
    ['correct horse battery', 4],
    ['correct horse battery staple', 4],
    ['x9#Lq!2vR@7mZ$4pW', 4],
  ] as const)('%j scores %i', (password, score) => {
    expect(passwordStrength(password).score).toBe(score);
  });

  it('grows with length', () => {
    expect(passwordStrength('abcdefghij').bits).toBeGreaterThan(passwordStrength('abcde').bits);
  });
});
