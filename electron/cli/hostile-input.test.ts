import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkFile, bulkTokens } from '../formats/testdata/bulk';
import { FIXTURE_PASSWORD } from '../formats/testdata/canonical';
import { blankPng } from '../../test-support/qr/png-bomb';
import { reportUnexpected } from './io';

// Hostile and odd inputs through the built `keyfob` binary: each ends in one plain line and exit 1,
// within a small heap, without the keychain. Run alone: npm run build && npx vitest run electron/cli/hostile-input.test.ts
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const HOSTILE =
  'otpauth-migration://offline?data=ChMKCgEBAQEBAQEBAQESA2FiYzACEAEY%2F%2F%2F%2F%2FwcgACi5YA%3D%3D';
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyfob-test-bus' };
const unix = process.platform !== 'win32';

let dir: string;
const at = (name: string) => join(dir, name);

/** Runs keyfob with a 128 MB V8 heap: an input that made it allocate gigabytes would abort it. */
function keyfob(args: string[]) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=128', BIN, ...args], {
    env: { ...process.env, ...NO_KEYCHAIN, KEYFOB_HOME: at('home') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  dir = mkdtempSync(join(tmpdir(), 'keyfob-hostile-'));
  writeFileSync(at('hostile.txt'), `${HOSTILE}\n`);
  mkdirSync(at('folder'));
  if (unix) execFileSync('mkfifo', [at('fifo')]);
  const aegis = JSON.parse(
    readFileSync(join(__dirname, '../formats/testdata/files/aegis-db3-encrypted.json'), 'utf8'),
  ) as { header: { slots: Array<Record<string, unknown>> } };
  aegis.header.slots = aegis.header.slots.map((s) => ({ ...s, n: 0.5 }));
  writeFileSync(at('aegis-half.json'), JSON.stringify(aegis));
  writeFileSync(at('password'), `${FIXTURE_PASSWORD}\n`);
  const tokens = bulkTokens(12_000);
  writeFileSync(at('a.txt'), bulkFile('otpauth', tokens.slice(0, 6_000)).bytes);
  writeFileSync(at('b.txt'), bulkFile('otpauth', tokens.slice(6_000)).bytes);
  writeFileSync(at('bomb.png'), await blankPng(1, 100_000_000));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keyfob import of hostile input', () => {
  it.each([
    [
      'the 95-character transfer link claiming 2^31−1 codes',
      ['hostile.txt'],
      'hostile.txt:1  rejected   This transfer code says it is part 1 of 2,147,483,647; a Google Authenticator export has at most 100 codes. It is not a valid export.',
    ],
    ['a folder', ['folder'], 'folder  rejected   folder is a folder, not a backup; choose a file inside it.'],
    [
      'an Aegis scrypt N of 0.5',
      ['aegis-half.json', '--password-file', 'password'],
      /scrypt N is 0\.5, not a power of two/,
    ],
    [
      'two lists of 6,000 accounts (12,000 in one import)',
      ['a.txt', 'b.txt'],
      'This import holds 12,000 accounts; Keyfob imports at most 10,000 at a time. Split it into smaller files and import them one by one.',
    ],
  ])('%s: one line, exit 1', (_, args, expected) => {
    const r = keyfob(['import', '--dry-run', ...args.map((a) => (a.startsWith('-') ? a : at(a)))]);
    expect(r.status).toBe(1);
    const text = `${r.stdout}${r.stderr}`.replaceAll(`${dir}/`, '');
    if (typeof expected === 'string') expect(text).toContain(expected);
    else expect(text).toMatch(expected);
    expect(text.split('\n').every((l) => l.length < 400)).toBe(true);
    expect(text).not.toMatch(/\n\s+at /); // no stack
  });

  it.skipIf(!unix).each([
    ['a FIFO', () => at('fifo'), 'fifo'],
    ['/dev/zero', () => '/dev/zero', '/dev/zero'],
  ])('%s is refused at once, not read', (_, path, name) => {
    const r = keyfob(['import', '--dry-run', path()]);
    expect(r.status).toBe(1);
    expect(r.stdout.replaceAll(`${dir}/`, '')).toContain(
      `${name}  rejected   ${name} is not a regular file (it is a device, pipe or socket)`,
    );
  });
});

describe('keyfob scan of hostile input', () => {
  it('refuses a 1 × 100,000,000 PNG from its header', () => {
    const r = keyfob(['scan', at('bomb.png')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /This image is 1 × 100,000,000 pixels \(100 MP\); Keyfob reads images up to 40 MP/,
    );
  });

  it.skipIf(!unix)('refuses /dev/zero without reading it', () => {
    const r = keyfob(['scan', '/dev/zero']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\/dev\/zero is not a regular file/);
  });
});

describe('unexpected errors', () => {
  const secretish = new TypeError('cannot read JBSWY3DPEHPK3PXP of /home/alice/backup.json');
  it.each([
    [{}, ['keyfob: unexpected error (TypeError); run again with KEYFOB_DEBUG=1 to see details']],
    [
      { KEYFOB_DEBUG: '0' },
      ['keyfob: unexpected error (TypeError); run again with KEYFOB_DEBUG=1 to see details'],
    ],
  ])('are printed by name only (env %j)', (env, lines) => {
    const out: string[] = [];
    reportUnexpected(secretish, { err: (l) => out.push(l), env });
    expect(out).toEqual(lines);
  });

  it('show the message and stack with KEYFOB_DEBUG=1', () => {
    const out: string[] = [];
    reportUnexpected(secretish, { err: (l) => out.push(l), env: { KEYFOB_DEBUG: '1' } });
    expect(out.join('\n')).toMatch(/^keyfob: unexpected error: TypeError: cannot read JBSWY3DP.*\n\s+at /s);
  });
});
