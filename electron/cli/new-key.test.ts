import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// "My admin reset my 2FA": the built `keyfob` binary, on the real (private) keyring, given a new
// key for an account it already has (same issuer and account name, another secret).
// Run: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli/new-key.test.ts
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const AT = 1_700_000_000;
const OLD = 'JBSWY3DPEHPK3PXP';
const NEW = 'GEZDGNBVGY3TQOJQ';
const GITHUB = `otpauth://totp/GitHub:alice?secret=${OLD}&issuer=GitHub`;
const REISSUED = `otpauth://totp/GitHub:alice?secret=${NEW}&issuer=GitHub`;
const OTHER = 'otpauth://totp/GitLab:alice?secret=KRSXG5CTMVRXEZLU&issuer=GitLab';

let dir: string;
let env: NodeJS.ProcessEnv;
let run = 0;
let github: string;

function keyfob(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const listed = () =>
  JSON.parse(keyfob(['list', '--json']).stdout) as Array<{ id: string; issuer: string; account: string }>;
const codeOf = (id: string) => keyfob(['code', id, '--at', String(AT)]).stdout.split(' ')[0];
const oathtool = (secret: string) =>
  execFileSync('oathtool', ['-b', '--totp', `--now=@${AT}`, secret], { encoding: 'utf8' }).trim();
const importFile = (...uris: string[]) => {
  const file = join(dir, 'links.txt');
  writeFileSync(file, `${uris.join('\n')}\n`);
  return file;
};

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyfob-new-key-'));
  env = {
    ...process.env,
    KEYFOB_HOME: join(dir, 'vault'),
    KEYFOB_KEYCHAIN_SERVICE: `Keyfob-new-key-test-${process.pid}-${run++}`,
  };
  expect(keyfob(['add', GITHUB]).status).toBe(0);
  github = listed()[0]?.id ?? '';
});
afterEach(() => {
  for (const a of listed()) keyfob(['remove', a.id]);
  rmSync(dir, { recursive: true, force: true });
});

describe('keyfob add', () => {
  it('refuses a new key for a stored account with one line: its id, replace, or --allow-duplicate', () => {
    expect(keyfob(['add', REISSUED])).toEqual({
      status: 1,
      stdout: '',
      stderr: `keyfob: GitHub: alice is already in Keyfob as ${github} with another key (the service has probably issued a new one): 'keyfob replace ${github} <uri>' makes this its key, keeping the old one 30 days, or add --allow-duplicate to add it as a separate account\n`,
    });
    expect(keyfob(['add', '-'], `${REISSUED}\n`).stderr).toContain(`'keyfob replace ${github} -'`);
    expect(listed()).toHaveLength(1);
    expect(codeOf(github)).toBe(oathtool(OLD));
  });

  it('--allow-duplicate adds it as a separate account; then both ids are named', () => {
    const added = keyfob(['add', REISSUED, '--allow-duplicate']);
    expect(added.status).toBe(0);
    const second = listed()[1]?.id ?? '';
    expect(added.stdout).toBe(`added ${second}  GitHub: alice\n`);
    const third = keyfob(['add', `otpauth://totp/GitHub:alice?secret=MFRGGZDFMZTWQ2LK&issuer=GitHub`]);
    expect([third.status, third.stderr]).toEqual([
      1,
      `keyfob: 2 accounts named GitHub: alice are already in Keyfob, each with another key (${github}, ${second}): 'keyfob replace <id> <uri>' gives the one you choose this key, keeping its old one 30 days, or add --allow-duplicate to add it as a separate account\n`,
    ]);
  });

  it('keeps refusing the same key as before, and adds other names', () => {
    expect(keyfob(['add', GITHUB])).toMatchObject({ status: 1, stderr: /with the same secret/ });
    expect(keyfob(['add', OTHER]).status).toBe(0);
  });
});

describe('keyfob import', () => {
  it('reports a new key with the stored id, stores nothing for it, says how to apply it, exits 1', () => {
    const file = importFile(REISSUED, OTHER);
    const r = keyfob(['import', file]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      `${file}:1  new-key    GitHub: alice  ${github} has another key; nothing stored`,
    );
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'keyfob: 1 added, 0 duplicates skipped, 1 new key not stored, 0 rejected',
      "keyfob: new keys are for accounts Keyfob already has (the service probably re-enrolled them): --replace-keys gives each account its new key, keeping the old one 30 days ('keyfob restore <id>' brings it back); --allow-duplicate adds them as separate accounts",
    ]);
    expect(listed().map((a) => a.issuer)).toEqual(['GitHub', 'GitLab']);
    expect(codeOf(github)).toBe(oathtool(OLD));
  });

  it('--dry-run --json shows status and id of what --replace-keys would do, and stores nothing', () => {
    const file = importFile(REISSUED);
    const plain = keyfob(['import', file, '--dry-run', '--json']);
    expect(JSON.parse(plain.stdout)).toMatchObject([{ status: 'new-key', id: github, secret: NEW }]);
    const dry = keyfob(['import', file, '--dry-run', '--json', '--replace-keys']);
    expect([dry.status, JSON.parse(dry.stdout)]).toMatchObject([
      0,
      [{ source: `${file}:1`, status: 'would-replace-key', id: github, issuer: 'GitHub' }],
    ]);
    expect(dry.stderr).toBe('keyfob: 0 added, 0 duplicates skipped, 1 key would be replaced, 0 rejected\n');
    expect(codeOf(github)).toBe(oathtool(OLD));
  });

  it('--replace-keys replaces in place (key-replaced); keyfob restore brings the old key back', () => {
    const r = keyfob(['import', importFile(REISSUED), '--replace-keys', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([
      { status: 'key-replaced', id: github, message: `'keyfob restore ${github}' brings the old key back` },
    ]);
    expect(listed().map((a) => a.id)).toEqual([github]);
    expect(codeOf(github)).toBe(oathtool(NEW));
    expect(keyfob(['restore', github]).status).toBe(0);
    expect(codeOf(github)).toBe(oathtool(OLD));
  });

  it('--allow-duplicate adds new keys as separate accounts; same-key duplicates stay skipped', () => {
    const r = keyfob(['import', importFile(REISSUED, GITHUB), '--allow-duplicate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/:1 {2}added +GitHub: alice {2}\(/);
    expect(r.stdout).toMatch(new RegExp(`:2  duplicate  GitHub: alice  already stored as ${github}`));
    expect(listed()).toHaveLength(2);
    expect(codeOf(github)).toBe(oathtool(OLD));
  });

  it('several stored accounts of those names: the entry is refused with their ids, even with --replace-keys', () => {
    expect(keyfob(['add', REISSUED, '--allow-duplicate']).status).toBe(0);
    const ids = listed().map((a) => a.id);
    const r = keyfob([
      'import',
      importFile('otpauth://totp/GitHub:alice?secret=MFRGGZDFMZTWQ2LK&issuer=GitHub'),
      '--replace-keys',
      '--json',
    ]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject([
      {
        status: 'new-key',
        ids,
        message: `2 accounts have these names (${ids.join(', ')}), each with another key; nothing stored: 'keyfob replace <id> <uri>' gives one of them this key`,
      },
    ]);
    expect(ids.map(codeOf)).toEqual([oathtool(OLD), oathtool(NEW)]);
  });

  it('refuses --replace-keys together with --allow-duplicate', () => {
    expect(keyfob(['import', importFile(REISSUED), '--replace-keys', '--allow-duplicate'])).toMatchObject({
      status: 1,
      stderr: /--replace-keys and --allow-duplicate both say what to do with new keys; choose one/,
    });
    expect(codeOf(github)).toBe(oathtool(OLD));
  });
});
