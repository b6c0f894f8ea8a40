import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMigrationUri } from '../formats/google-migration/transfer-uri';
import { readImport } from '../formats';
import { ALL_ACCOUNTS, CANONICAL, FIXTURE_PASSWORD } from '../formats/testdata/canonical';
import { FIXTURES as FIXTURE_LIST } from '../formats/testdata/fixture-list';

// The built `keyfob` binary on the real (private) keyring: export, replace, restore, and import of
// foreign backups. Run: npx electron-vite build && node scripts/with-keyring.mjs npx vitest run electron/cli/reprovision.test.ts
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const FIXTURES = resolve(__dirname, '../formats/testdata/files');
const AT = 1_700_000_000;
const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const NEW_GITHUB =
  'otpauth://totp/GitHub:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub&digits=8';
const STEAM = 'steam://KAIRPFGKKLZVLUI4LH243NYCN5TQHTBI';
const HOTP = 'otpauth://hotp/Corp:vpn?secret=IEVSP6SZO4PFZELHO3VFRKCCL57BRFOY&issuer=Corp&counter=7';

let dir: string;
let env: NodeJS.ProcessEnv;
function keyfob(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function listed(): Array<{ id: string; issuer: string; digits: number }> {
  return JSON.parse(keyfob(['list', '--json']).stdout) as Array<{
    id: string;
    issuer: string;
    digits: number;
  }>;
}
const oath = (...args: string[]): string => execFileSync('oathtool', args, { encoding: 'utf8' }).trim();

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npx electron-vite build' first`);
  dir = mkdtempSync(join(tmpdir(), 'keyfob-reprovision-'));
  env = {
    ...process.env,
    KEYFOB_HOME: join(dir, 'vault'),
    KEYFOB_KEYCHAIN_SERVICE: `Keyfob-reprovision-test-${process.pid}`,
  };
  for (const uri of [GITHUB, STEAM, HOTP]) expect(keyfob(['add', uri]).status).toBe(0);
  writeFileSync(join(dir, 'pw'), 'backup pässword\n');
});
afterAll(() => {
  for (const a of listed()) keyfob(['remove', a.id]);
  rmSync(dir, { recursive: true, force: true });
});

describe('keyfob export', () => {
  it('aegis-encrypted with --password-file: mode 600, and it reads back to the same accounts', async () => {
    const out = join(dir, 'backup.json');
    const r = keyfob([
      'export',
      '--format',
      'aegis-encrypted',
      '--out',
      out,
      '--password-file',
      join(dir, 'pw'),
    ]);
    expect([r.status, r.stdout.trim(), r.stderr]).toEqual([
      0,
      `exported 3 of 3 accounts to ${out} (aegis-encrypted)`,
      '',
    ]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const report = await readImport('backup.json', readFileSync(out), 'backup pässword');
    expect(report.entries.map((e) => [e.token.issuer, e.token.type, e.token.counter])).toEqual([
      ['GitHub', 'totp', 0n],
      ['Steam', 'steam', 0n],
      ['Corp', 'hotp', 7n],
    ]);
    expect(
      keyfob(['export', '--format', 'aegis-encrypted', '--out', out, '--password-file', join(dir, 'pw')]),
    ).toMatchObject({
      status: 1,
      stderr: `keyfob: ${out} already exists; choose another name or add --force\n`,
    });
  });

  it('--force replaces the file itself with a fresh 600 one: a symbolic link there is not followed', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'not yours to overwrite\n', { mode: 0o644 });
    const out = join(dir, 'linked.txt');
    symlinkSync(victim, out);
    const refused = keyfob(['export', '--format', 'otpauth', '--out', out]);
    expect([refused.status, refused.stderr]).toEqual([
      1,
      `keyfob: ${out} already exists; choose another name or add --force\n`,
    ]);
    const r = keyfob(['export', '--format', 'otpauth', '--out', out, '--force']);
    expect(r.status).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(readFileSync(victim, 'utf8')).toBe('not yours to overwrite\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an existing file is refused before the password is asked or any secret read', () => {
    const out = join(dir, 'taken.json');
    writeFileSync(out, 'keep me');
    const r = keyfob(['export', '--format', 'aegis-encrypted', '--out', out]);
    expect([r.status, r.stderr]).toEqual([
      1,
      `keyfob: ${out} already exists; choose another name or add --force\n`,
    ]);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('refuses to prompt for a password without a terminal', () => {
    const r = keyfob(['export', '--format', 'aegis-encrypted', '--out', join(dir, 'x.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there is no terminal to ask on: give it with --password-file FILE/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('plain formats warn on stderr; otpauth lists every account', () => {
    const out = join(dir, 'list.txt');
    const r = keyfob(['export', '--format', 'otpauth', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^keyfob: warning: .*list\.txt holds every secret UNENCRYPTED/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
      'otpauth://steam/Steam:?secret=KAIRPFGKKLZVLUI4LH243NYCN5TQHTBI&issuer=Steam',
      'otpauth://hotp/Corp:vpn?secret=IEVSP6SZO4PFZELHO3VFRKCCL57BRFOY&issuer=Corp&counter=7',
    ]);
  });

  it('google-migration skips what Google cannot hold, says so, and exits 1', () => {
    const out = join(dir, 'google.txt');
    const r = keyfob(['export', '--format', 'google-migration', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/keyfob: skipped Steam: Steam Guard accounts cannot be transferred/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.flatMap((l) => parseMigrationUri(l).result.entries.map((e) => e.token.issuer))).toEqual([
      'GitHub',
      'Corp',
    ]);
  });

  it('rejects unknown formats and --password-file on plain formats', () => {
    expect(keyfob(['export', '--format', 'csv', '--out', join(dir, 'a')]).stderr).toMatch(
      /unknown format 'csv'; use one of aegis-encrypted, aegis, otpauth, google-migration/,
    );
    expect(
      keyfob(['export', '--format', 'aegis', '--out', join(dir, 'a'), '--password-file', join(dir, 'pw')])
        .status,
    ).toBe(1);
  });
});

describe('keyfob replace / restore', () => {
  it('replace keeps id and place, prints the new code; restore brings the old key back', () => {
    const before = listed();
    const github = before.find((a) => a.issuer === 'GitHub');
    const r = keyfob(['replace', github?.id ?? '', NEW_GITHUB, '--at', String(AT)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `replaced the key of GitHub: alice (${github?.id})\nnew code: ${oath('-b', '--totp', '-d', '8', `--now=@${AT}`, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')}\n`,
    );
    expect(r.stderr).toMatch(
      new RegExp(`'keyfob restore ${github?.id}' brings the old key back until \\d{4}-`),
    );
    const after = listed();
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after[0]?.digits).toBe(8);
    expect(keyfob(['code', github?.id ?? '', '--at', String(AT)]).stdout).toMatch(
      new RegExp(`^${oath('-b', '--totp', '-d', '8', `--now=@${AT}`, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')} `),
    );

    expect(keyfob(['restore', github?.id ?? '']).stdout).toBe(
      `restored the previous key of GitHub: alice (${github?.id})\n`,
    );
    expect(keyfob(['code', github?.id ?? '', '--at', String(AT)]).stdout).toMatch(
      new RegExp(`^${oath('-b', '--totp', `--now=@${AT}`, 'JBSWY3DPEHPK3PXP')} `),
    );
  });

  it('refuses the same key and unknown ids', () => {
    const github = listed().find((a) => a.issuer === 'GitHub');
    expect(keyfob(['replace', github?.id ?? '', GITHUB])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/is the same as its current key/),
    });
    expect(keyfob(['restore', 'no-such-id'])).toMatchObject({
      status: 1,
      stderr: 'keyfob: No account with id no-such-id.\n',
    });
  });
});

describe("keyfob import of other apps' backups", () => {
  let importEnv: NodeJS.ProcessEnv;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'import', ...args], { env: importEnv, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  beforeAll(() => {
    importEnv = {
      ...env,
      KEYFOB_HOME: join(dir, 'import-vault'),
      KEYFOB_KEYCHAIN_SERVICE: `Keyfob-import-test-${process.pid}`,
    };
    writeFileSync(join(dir, 'fixture-pw'), `${FIXTURE_PASSWORD}\n`);
  });
  afterAll(() => {
    const all = JSON.parse(
      spawnSync(process.execPath, [BIN, 'list', '--json'], { env: importEnv, encoding: 'utf8' }).stdout,
    ) as Array<{ id: string }>;
    for (const a of all) spawnSync(process.execPath, [BIN, 'remove', a.id], { env: importEnv });
  });

  it('every fixture at once: one line per entry, the canonical accounts added once, the rest duplicates', () => {
    // Databases are read with the -wal beside them, SDA's encrypted maFile with its manifest.
    const files = FIXTURE_LIST.map((f) => join(FIXTURES, f.file));
    const r = run([...files, '--password-file', join(dir, 'fixture-pw')]);
    const total = FIXTURE_LIST.reduce((n, f) => n + f.keys.length, 0);
    expect([r.status, r.stderr.split('\n').at(-2)]).toEqual([
      0,
      `keyfob: ${ALL_ACCOUNTS.length} added, ${total - ALL_ACCOUNTS.length} duplicates skipped, 0 rejected`,
    ]);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/aegis-db1-plain\.json#1 {2}added +GitHub: alice@example\.com {2}\(/);
    const stored = JSON.parse(
      spawnSync(process.execPath, [BIN, 'list', '--json'], { env: importEnv, encoding: 'utf8' }).stdout,
    ) as Array<{ issuer: string; account: string; type: string; counter: string }>;
    expect(stored.map((a) => [a.issuer, a.account])).toEqual(
      ALL_ACCOUNTS.map((c) => [c.token.issuer, c.token.account]),
    );
    expect(stored.find((a) => a.type === 'hotp')?.counter).toBe('7');
    const again = run([
      join(FIXTURES, 'aegis-db3-encrypted.json'),
      '--password-file',
      join(dir, 'fixture-pw'),
    ]);
    expect([again.status, again.stderr.trim()]).toEqual([
      0,
      `keyfob: 0 added, ${CANONICAL.length} duplicates skipped, 0 rejected`,
    ]);
  });

  it('--format names a format content cannot tell; --help lists every id; an unknown id stops at once', () => {
    const renamed = join(dir, 'backup-2019');
    writeFileSync(renamed, readFileSync(join(FIXTURES, 'otp_accounts_old.json.aes')));
    const pw = ['--password-file', join(dir, 'fixture-pw'), '--dry-run'];
    expect(run([renamed, ...pw]).stdout).toMatch(
      /backup-2019 {2}rejected {3}.*is not a backup Keyfob recognises/,
    );
    const named = run([renamed, '--format', 'andotp-old', ...pw]);
    // Read as the old layout: every account (stored by the test before, so duplicates).
    expect(named.status).toBe(0);
    expect(
      named.stdout
        .trim()
        .split('\n')
        .map((l) => /#\d+ {2}(\S+)/u.exec(l)?.[1]),
    ).toEqual(CANONICAL.map(() => 'duplicate'));
    const help = run(['--help']);
    for (const id of ['andotp-old', 'authy', 'duo', 'freeotp2', 'steam', 'winauth'])
      expect(help.stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'mu'));
    expect(run([renamed, '--format', 'lastpass'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/There is no import format 'lastpass'\. Formats: .*andotp-old/),
    });
  });

  it('a wrong password, a missing one and an unknown file are rejected per file, exit 1', () => {
    writeFileSync(join(dir, 'wrong-pw'), 'nope\n');
    writeFileSync(join(dir, 'notes.dat'), 'just some notes\n');
    const wrong = run([
      join(FIXTURES, '2fas-schema4-encrypted.2fas'),
      '--password-file',
      join(dir, 'wrong-pw'),
    ]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(
      /2fas-schema4-encrypted\.2fas {2}rejected {3}Wrong password for this 2FAS backup/,
    );
    const missing = run([join(FIXTURES, 'otp_accounts.json.aes'), join(FIXTURES, 'bitwarden.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(
      /otp_accounts\.json\.aes {2}rejected {3}.*no terminal to ask on: give it with --password-file FILE/,
    );
    expect(missing.stdout).toMatch(/bitwarden\.csv:2 {2}duplicate/);
    expect(run([join(dir, 'notes.dat')]).stdout).toMatch(
      /notes\.dat {2}rejected {3}.*is not a backup Keyfob recognises/,
    );
  });

  it('one bad entry is rejected with its reason, the others still go in; --dry-run --json shows it all', () => {
    const bad = readFileSync(join(FIXTURES, 'andotp-plain.json'), 'utf8')
      .replace('"digits":8', '"digits":12')
      .replace(/"label":"/gu, '"label":"New ');
    writeFileSync(join(dir, 'andotp-bad.json'), bad);
    const dry = run([join(dir, 'andotp-bad.json'), '--dry-run', '--json']);
    const rows = JSON.parse(dry.stdout) as Array<{ source: string; status: string; message?: string }>;
    expect(dry.status).toBe(1);
    expect(rows.map((x) => x.status)).toEqual([
      'would-add',
      'rejected',
      ...Array(CANONICAL.length - 2).fill('would-add'),
    ]);
    expect(rows[1]).toMatchObject({
      source: `${join(dir, 'andotp-bad.json')}#2`,
      message: expect.stringMatching(/Digits must be a whole number from 4 to 10/),
    });
    const real = run([join(dir, 'andotp-bad.json')]);
    expect([real.status, real.stderr.trim()]).toEqual([
      1,
      `keyfob: ${CANONICAL.length - 1} added, 0 duplicates skipped, 1 rejected`,
    ]);
  });
});
