import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../../shared/otp-types';
import { formatMigrationUris } from '../formats/google-migration/writer';
import { encodeImage, plainCode, photoAndScreenshot } from '../../test-support/qr/image-files';

// `keyfob scan` and `keyfob import` of transfer codes, through the built binary. Import needs the
// private keyring: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli/scan.test.ts
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
/** A bus address with nothing behind it: scan must not need the keychain. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyfob-test-bus' };

let dir: string;
let env: NodeJS.ProcessEnv;
const at = (name: string) => join(dir, name);

function keyfob(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const account = (i: number): Token => ({
  type: i % 4 === 3 ? 'hotp' : 'totp',
  algorithm: i % 3 === 2 ? 'SHA256' : 'SHA1',
  digits: i % 2 ? 8 : 6,
  period: 30,
  counter: i % 4 === 3 ? BigInt(i) : 0n,
  issuer: `Scan${process.pid}`,
  account: `user${i}`,
  secret: Uint8Array.from({ length: 20 }, (_, j) => (i * 13 + j) & 0xff),
});

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  dir = mkdtempSync(join(tmpdir(), 'keyfob-scan-'));
  env = {
    ...process.env,
    KEYFOB_HOME: join(dir, 'home'),
    KEYFOB_KEYCHAIN_SERVICE: `Keyfob-scan-test-${process.pid}`,
  };
  const { photo, screenshot } = photoAndScreenshot(GITHUB);
  writeFileSync(at('key.png'), await encodeImage(plainCode(GITHUB), 'png'));
  writeFileSync(at('photo.jpg'), await encodeImage(photo, 'jpeg'));
  writeFileSync(at('screen.webp'), await encodeImage(screenshot, 'webp'));
  writeFileSync(at('link.gif'), await encodeImage(plainCode('https://example.com/'), 'gif'));
  writeFileSync(at('bad.bmp'), await encodeImage(plainCode('otpauth://totp/x?secret=ABC1'), 'bmp'));
  writeFileSync(
    at('blank.png'),
    await encodeImage({ data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 }, 'png'),
  );
  writeFileSync(at('notes.txt'), 'not an image');
});
afterAll(() => {
  const listed = keyfob(['list', '--json']);
  if (listed.status === 0)
    for (const a of JSON.parse(listed.stdout) as Array<{ id: string }>) keyfob(['remove', a.id]);
  rmSync(dir, { recursive: true, force: true });
});

describe('keyfob scan', () => {
  it('prints the text of the code in each image with the time it took', () => {
    const r = keyfob(['scan', at('key.png'), at('photo.jpg'), at('screen.webp')], NO_KEYCHAIN);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const [i, file] of ['key.png', 'photo.jpg', 'screen.webp'].entries()) {
      expect(lines[i]).toMatch(
        new RegExp(`^${at(file)}  \\d+(\\.\\d)? ms  ${GITHUB.replace(/[?.]/g, '\\$&')}$`),
      );
    }
  });

  it('says why nothing usable was found, and exits 1', () => {
    const files = ['link.gif', 'bad.bmp', 'blank.png', 'notes.txt', 'missing.png'].map(at);
    const r = keyfob(['scan', ...files], NO_KEYCHAIN);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/link\.gif .* https:\/\/example\.com\/$/);
    expect(lines[1]).toMatch(
      /bad\.bmp .* not usable: .*Secret contains '1'.*\(it reads: otpauth:\/\/totp\/x\?secret=ABC1\)$/,
    );
    expect(lines[2]).toMatch(/blank\.png .* no QR code found$/);
    expect(lines[3]).toMatch(/notes\.txt .* This is not a PNG, JPEG, WebP, BMP or GIF image\.$/);
    expect(lines[4]).toMatch(/missing\.png {2}0 ms {2}\S*missing\.png does not exist\.$/);
  });

  it('--json gives kind, message and corners per code', () => {
    const r = keyfob(['scan', at('key.png'), at('link.gif'), '--json'], NO_KEYCHAIN);
    const [key, link] = JSON.parse(r.stdout) as Array<{ codes: Array<Record<string, unknown>>; ms: number }>;
    expect(key?.codes).toEqual([
      {
        text: GITHUB,
        kind: 'otpauth',
        message: 'A TOTP key for GitHub: alice@example.com.',
        corners: {
          topLeft: expect.any(Object),
          topRight: expect.any(Object),
          bottomRight: expect.any(Object),
          bottomLeft: expect.any(Object),
        },
      },
    ]);
    expect(link?.codes.map((c) => c['kind'])).toEqual(['link']);
    expect(key?.ms).toBeGreaterThan(0);
  });

  it('explains itself', () => {
    expect(keyfob(['scan', '--help'], NO_KEYCHAIN).stdout).toMatch(/^usage: keyfob scan <image>/);
    expect(keyfob(['scan'], NO_KEYCHAIN).stderr).toMatch(/at least one image/);
  });
});

describe('keyfob import of Google Authenticator transfer codes', () => {
  // 12 accounts → codes 1 (10 accounts) and 2 (2 accounts), given in the order 2, 1 across two files.
  const uris = formatMigrationUris(
    Array.from({ length: 12 }, (_, i) => account(i)),
    -123_456,
  );

  it('refuses an incomplete export, naming the missing code, and stores nothing', () => {
    writeFileSync(at('part2.txt'), `${uris[1]}\n`);
    const r = keyfob(['import', at('part2.txt'), '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        source: `${at('part2.txt')}:1`,
        status: 'rejected',
        message: expect.stringMatching(/export -123456 is incomplete: code 1 of 2 is missing/),
      },
    ]);
  });

  it('imports every account once all codes are given, across files and in any order', () => {
    writeFileSync(at('part1.txt'), `# from keyfob scan\n${uris[0]}\n`);
    const r = keyfob(['import', at('part2.txt'), at('part1.txt'), '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((x) => [x['source'], x['status'], x['account']])).toEqual([
      [`${at('part2.txt')}:1 entry 1`, 'added', 'user10'],
      [`${at('part2.txt')}:1 entry 2`, 'added', 'user11'],
      ...Array.from({ length: 10 }, (_, i) => [`${at('part1.txt')}:2 entry ${i + 1}`, 'added', `user${i}`]),
    ]);
    const listed = JSON.parse(keyfob(['list', '--json']).stdout) as Array<Record<string, unknown>>;
    const user3 = listed.find((a) => a['account'] === 'user3');
    expect(user3).toMatchObject({ type: 'hotp', digits: 8, algorithm: 'SHA1' });
    const again = keyfob(['import', at('part1.txt'), at('part2.txt')]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/0 added, 12 duplicates skipped, 0 rejected/);
  });
});
