import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// End-to-end tests of the built `keyfob` binary against the real (private) keyring.
// `npm test` builds first; run alone with: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const AT = 1_700_000_000;
const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS =
  'otpauth://totp/AWS:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=AWS&algorithm=SHA256&digits=8&period=60';
const HOTP = 'otpauth://hotp/Corp:vpn?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Corp&counter=5';

let home: string;
let env: NodeJS.ProcessEnv;

function keyfob(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function oathtool(args: string[]): string {
  return execFileSync('oathtool', args, { encoding: 'utf8' }).trim();
}
/** A bus address with nothing behind it: the keychain is unreachable. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyfob-test-bus' };

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  home = mkdtempSync(join(tmpdir(), 'keyfob-cli-'));
  env = { ...process.env, KEYFOB_HOME: home, KEYFOB_KEYCHAIN_SERVICE: `Keyfob-cli-test-${process.pid}` };
});
afterAll(() => {
  const listed = keyfob(['list', '--json']);
  if (listed.status === 0)
    for (const a of JSON.parse(listed.stdout) as Array<{ id: string }>) keyfob(['remove', a.id]);
  rmSync(home, { recursive: true, force: true });
});

describe('commands that need no keychain', () => {
  it('inspect prints the normalised fields, secret included', () => {
    const r = keyfob(
      [
        'inspect',
        'otpauth://TOTP/ACME%20Co:%20jo?secret=jbsw%20y3dp-ehpk3pxp%3D%3D&algorithm=sha256',
        '--json',
      ],
      NO_KEYCHAIN,
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      type: 'totp',
      issuer: 'ACME Co',
      account: 'jo',
      algorithm: 'SHA256',
      digits: 6,
      period: 30,
      counter: '0',
      secret: 'JBSWY3DPEHPK3PXP',
    });
  });

  it('code --uri prints one code per URI, equal to oathtool', () => {
    const r = keyfob(['code', '--uri', GITHUB, '--uri', AWS, '--at', String(AT)], NO_KEYCHAIN);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      oathtool(['-b', '--totp', `--now=@${AT}`, 'JBSWY3DPEHPK3PXP']),
      oathtool([
        '-b',
        '--totp=sha256',
        '-d',
        '8',
        '-s',
        '60',
        `--now=@${AT}`,
        'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      ]),
    ]);
  });

  it.each([
    [['inspect', 'otpauth://totp/x?secret=ABC1'], /Secret contains '1'/],
    [['inspect', 'https://example.com'], /otpauth/i],
    [['code', '--uri', GITHUB, '--at', 'yesterday'], /--at takes Unix seconds/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['list', '--colour'], /Unknown option '--colour'/],
    [['add'], /exactly one otpauth/],
  ])('bad input %j exits 1 with one plain line', (args, message) => {
    const r = keyfob(args, NO_KEYCHAIN);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['list', 'add', 'remove', 'code', 'inspect', 'import', 'doctor'])(
    '%s --help explains itself',
    (name) => {
      const r = keyfob([name, '--help'], NO_KEYCHAIN);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: keyfob ${name}`));
    },
  );
});

describe('the vault through the CLI', () => {
  it('adds, lists and computes codes equal to oathtool', () => {
    expect(keyfob(['add', GITHUB]).status).toBe(0);
    expect(keyfob(['add', AWS]).status).toBe(0);
    const list = JSON.parse(keyfob(['list', '--json']).stdout) as Array<Record<string, unknown>>;
    expect(list.map((a) => [a['issuer'], a['account'], a['algorithm'], a['digits'], a['period']])).toEqual([
      ['GitHub', 'alice@example.com', 'SHA1', 6, 30],
      ['AWS', 'ops', 'SHA256', 8, 60],
    ]);
    expect(JSON.stringify(list)).not.toContain('JBSWY3DPEHPK3PXP');
    const codes = JSON.parse(keyfob(['code', 'github', '--at', String(AT), '--json']).stdout) as Array<
      Record<string, unknown>
    >;
    expect(codes).toHaveLength(1);
    expect(codes[0]?.['code']).toBe(oathtool(['-b', '--totp', `--now=@${AT}`, 'JBSWY3DPEHPK3PXP']));
    expect(codes[0]?.['validSeconds']).toBe(30 - (AT % 30));
  });

  it('refuses a duplicate unless asked, with exit 1', () => {
    const r = keyfob(['add', GITHUB]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already/i);
  });

  it('takes HOTP codes in order and stores the advanced counter', () => {
    expect(keyfob(['add', HOTP]).status).toBe(0);
    const first = keyfob(['code', 'corp vpn']).stdout.split(/\s+/)[0];
    const second = keyfob(['code', 'corp vpn']).stdout.split(/\s+/)[0];
    const expected = oathtool([
      '-b',
      '--hotp',
      '-c',
      '5',
      '-w',
      '1',
      'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    ]).split('\n');
    expect([first, second]).toEqual(expected);
    const hotp = (JSON.parse(keyfob(['list', '--json']).stdout) as Array<Record<string, string>>).find(
      (a) => a['issuer'] === 'Corp',
    );
    expect(hotp?.['counter']).toBe('7');
  });

  it('imports every line, reports each, and is safe to run again', () => {
    const file = join(home, 'batch.txt');
    writeFileSync(
      file,
      [
        '# exported list',
        GITHUB,
        '',
        'otpauth://totp/Bad?secret=0000',
        'otpauth://totp/New:one?secret=KRSXG5CTMVRXEZLU&issuer=New',
        'not a uri',
      ].join('\n'),
    );
    const first = keyfob(['import', file]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/batch\.txt:2\s+duplicate/);
    expect(first.stdout).toMatch(/batch\.txt:4\s+rejected\s+.*'0'/);
    expect(first.stdout).toMatch(/batch\.txt:5\s+added\s+New: one/);
    expect(first.stdout).toMatch(/batch\.txt:6\s+rejected/);
    expect(first.stderr).toMatch(/1 added, 1 duplicate skipped, 2 rejected/);
    const again = JSON.parse(keyfob(['import', file, '--json']).stdout) as Array<Record<string, string>>;
    expect(again.map((r) => r['status'])).toEqual(['duplicate', 'rejected', 'duplicate', 'rejected']);
  });

  it('dry-run shows what would happen, with secrets, and stores nothing', () => {
    const file = join(home, 'dry.txt');
    const uri = 'otpauth://totp/Dry:run?secret=MFRGGZDFMZTWQ2LK&issuer=Dry';
    writeFileSync(file, `${uri}\n${uri}\n`);
    const r = keyfob(['import', file, '--dry-run', '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, string>>;
    expect(rows.map((x) => x['status'])).toEqual(['would-add', 'duplicate']);
    expect(rows[0]?.['secret']).toBe('MFRGGZDFMZTWQ2LK');
    expect(keyfob(['list']).stdout).not.toMatch(/Dry/);
  });

  it('removes by id and says so; an unknown id is bad input', () => {
    const list = JSON.parse(keyfob(['list', '--json']).stdout) as Array<{ id: string; issuer: string }>;
    const aws = list.find((a) => a.issuer === 'AWS');
    expect(keyfob(['remove', aws?.id ?? '']).stdout).toMatch(/^removed /);
    expect(keyfob(['list']).stdout).not.toMatch(/AWS/);
    expect(keyfob(['remove', 'no-such-id']).status).toBe(1);
  });

  it('an unreachable keychain is exit 2 with a plain message, and nothing is lost', () => {
    const before = keyfob(['list', '--json']).stdout;
    const r = keyfob(['add', 'otpauth://totp/X:y?secret=MFRGGZDFMZTWQ2LK'], NO_KEYCHAIN);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/keychain/i);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const codes = keyfob(['code', 'github'], NO_KEYCHAIN);
    expect(codes.status).toBe(2);
    expect(keyfob(['list', '--json']).stdout).toBe(before);
  });

  it('an unusable data folder is exit 2 naming the folder', () => {
    const file = join(home, 'not-a-folder');
    writeFileSync(file, '');
    const r = keyfob(['add', GITHUB], { KEYFOB_HOME: join(file, 'vault') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not-a-folder');
  });
});
