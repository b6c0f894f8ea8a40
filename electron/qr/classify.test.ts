import { describe, expect, it } from 'vitest';
import { classifyQrText } from './classify';

const DIM13 =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';

describe('classifyQrText', () => {
  it.each([
    [
      'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub\n',
      'otpauth',
      'A TOTP key for GitHub: alice.',
    ],
    ['otpauth://hotp/vpn?secret=JBSWY3DPEHPK3PXP&counter=3', 'otpauth', 'A HOTP key for vpn.'],
    ['steam://JBSWY3DPEHPK3PXP', 'otpauth', 'A Steam Guard key for Steam.'],
    [DIM13, 'migration', 'A Google Authenticator transfer code with 1 account.'],
    ['https://example.com/login', 'link', 'This QR code holds a link, not an authenticator key.'],
    ['WIFI:S:home;T:WPA;P:x;;', 'link', 'This QR code holds a link, not an authenticator key.'],
    ['hello world', 'text', 'This QR code holds plain text, not an authenticator key.'],
    ['JBSWY3DPEHPK3PXP', 'text', 'This QR code holds plain text, not an authenticator key.'],
  ])('%s → %s', (text, kind, message) => {
    expect(classifyQrText(text)).toMatchObject({ kind, message });
  });

  it.each([
    ['otpauth://totp/x?secret=ABC1', 'otpauth', /not valid: Secret contains '1'/],
    ['otpauth://hotp/x?secret=JBSWY3DP', 'otpauth', /needs a counter/],
    ['OTPAUTH://foo/x?secret=JBSWY3DP', 'otpauth', /Type 'foo' is not supported/],
    ['otpauth-migration://offline?data=%ZZ', 'migration', /transfer code is unreadable/],
  ])('%s claims to be %s but is not plausible', (text, claimed, message) => {
    const p = classifyQrText(text);
    expect(p).toMatchObject({ kind: 'implausible', claimed });
    expect(p.message).toMatch(message);
  });

  it('never quotes the secret of an implausible key', () => {
    const p = classifyQrText('otpauth://totp/x?secret=JBSWY3DPEHPK3PX8&digits=99');
    expect(p.kind).toBe('implausible');
    expect(p.message).not.toContain('JBSWY3DP');
  });
});
