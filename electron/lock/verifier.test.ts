import { describe, expect, it } from 'vitest';
import { makeVerifier, parseVerifier, passwordMatches } from './verifier';

const CHEAP = { ln: 10, r: 8, p: 1 };

describe('the lock password verifier', () => {
  it('is a PHC scrypt string: cost, salt and hash, never the password', async () => {
    const verifier = await makeVerifier('correct horse', CHEAP);
    expect(verifier).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(verifier).not.toContain('correct horse');
    expect(parseVerifier(verifier).cost).toEqual(CHEAP);
  });

  it('uses the interactive cost by default (N = 2^15, r = 8, p = 1)', async () => {
    expect(await makeVerifier('x')).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
  });

  it('salts every verifier afresh', async () => {
    expect(await makeVerifier('same', CHEAP)).not.toBe(await makeVerifier('same', CHEAP));
  });

  it.each([
    ['the same password', 'correct horse', true],
    ['another password', 'correct horsE', false],
    ['an empty one', '', false],
  ])('matches %s: %s', async (_, typed, matches) => {
    const verifier = await makeVerifier('correct horse', CHEAP);
    expect(await passwordMatches(typed, verifier)).toBe(matches);
  });

  it('matches the same characters typed composed or decomposed (NFC)', async () => {
    const verifier = await makeVerifier('Citro\u00ebn', CHEAP);
    expect(await passwordMatches('Citroe\u0308n', verifier)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaA'],
    ['no hash', '$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA'],
    ['a short salt', '$scrypt$ln=15,r=8,p=1$c2FsdA$' + 'A'.repeat(43)],
    ['a short hash', '$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA'],
    ['a cost too high to check', '$scrypt$ln=24,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43)],
    ['a cost too low', '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43)],
    ['not base64', '$scrypt$ln=15,r=8,p=1$c2Fsd*NhbHRzYWx0c2FsdA$' + 'A'.repeat(43)],
  ])('refuses a damaged verifier (%s) with a way out', async (_, verifier) => {
    await expect(passwordMatches('x', verifier)).rejects.toMatchObject({
      code: 'storage-unavailable',
      message: expect.stringContaining("keychain item 'keyfob-app-lock'"),
    });
  });
});
