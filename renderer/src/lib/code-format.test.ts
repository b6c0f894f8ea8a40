import { describe, expect, it } from 'vitest';
import { groupCode, spokenCode } from './code-format';

describe('groupCode', () => {
  it.each([
    ['123456', 'totp', '123 456'],
    ['12345678', 'totp', '1234 5678'],
    ['1234567', 'hotp', '123 4567'],
    ['123456789', 'totp', '123 456 789'],
    ['1234567890', 'totp', '123 456 7890'],
    ['1234', 'totp', '1234'],
    ['12345', 'totp', '12345'],
    ['2FQJM', 'steam', '2FQJM'],
    ['123456', 'steam', '123456'],
  ] as const)('%s (%s) → %s', (code, type, grouped) => {
    expect(groupCode(code, type)).toBe(grouped);
  });
});

describe('spokenCode', () => {
  it.each([
    ['755224', 'totp', 'code 755 224'],
    ['2FQJM', 'steam', 'code 2FQJM'],
    [null, 'totp', 'code unavailable'],
  ] as const)('%s (%s) → %s', (code, type, spoken) => {
    expect(spokenCode(code, type)).toBe(spoken);
  });
});
