import { describe, expect, it } from 'vitest';
import { scanFingerprint } from './scan-fingerprint';

const KEY = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const SALT_A = new Uint8Array(16).fill(1);
const SALT_B = new Uint8Array(16).fill(2);

describe('scanFingerprint', () => {
  it.each([
    ['the same text twice', KEY, SALT_A, KEY, SALT_A, true],
    ['another text', KEY, SALT_A, `${KEY}&digits=8`, SALT_A, false],
    ['the same text under another salt', KEY, SALT_A, KEY, SALT_B, false],
  ])('%s → equal: %s', (_name, a, saltA, b, saltB, equal) => {
    expect(scanFingerprint(a, saltA) === scanFingerprint(b, saltB)).toBe(equal);
  });

  it.each([KEY, 'x', KEY.repeat(200)])('is 32 hex digits whatever the text (%#)', (text) => {
    expect(scanFingerprint(text)).toMatch(/^[0-9a-f]{32}$/u);
  });
});
