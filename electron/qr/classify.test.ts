import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../qr-decoder';
import { codesSideBySide } from '../../test-support/qr/qr-render';
import { formatMigrationUris } from '../formats/google-migration/writer';
import { classifyQrText, readCodes } from './classify';
import { loadZxingWasmFile } from './load-wasm';

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

const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

describe('what decoded codes hold', () => {
  beforeAll(() => loadZxingWasmFile());
  const read = async (...texts: string[]) => readCodes(await decodeFrame(codesSideBySide(...texts)));

  it('refuses an otpauth:// code whose secret is not base32, saying why', async () => {
    const bad = 'otpauth://totp/Bank:me?secret=NOT-BASE32-1890&issuer=Bank';
    const out = await read(bad);
    expect(out.codes).toEqual([]);
    expect(out.implausible).toEqual([
      {
        text: bad,
        corners: expect.any(Object),
        message: expect.stringMatching(/not valid: Secret contains/),
      },
    ]);
  });

  it('refuses a broken transfer code', async () => {
    const out = await read('otpauth-migration://offline?data=AAAA%%');
    expect(out.codes).toEqual([]);
    expect(out.implausible[0]?.message).toMatch(/transfer code is unreadable/);
  });

  it('reads a Google Authenticator transfer code', async () => {
    const [uri] = formatMigrationUris(
      [
        {
          type: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0n,
          issuer: 'A',
          account: 'b',
          secret: new Uint8Array(20).fill(7),
        },
      ],
      -5,
    );
    const [code] = (await read(uri ?? '')).codes;
    expect(code?.payload).toMatchObject({
      kind: 'migration',
      message: 'A Google Authenticator transfer code with 1 account.',
    });
  });

  it('keeps looking past a web link for the key beside it', async () => {
    const out = await read('https://example.com/help', GITHUB);
    expect(out.codes.map((c) => c.payload.kind).sort()).toEqual(['link', 'otpauth']);
  });
});
