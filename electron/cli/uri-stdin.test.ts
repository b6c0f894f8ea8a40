import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `-` for a URI: the built `keyfob` reads it from standard input, so a seed never has to be an
// argument (shell history, `ps`). Run alone: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli/uri-stdin.test.ts
const BIN = resolve(__dirname, '../../out/main/keyfob.js');
const AT = 1_700_000_000;
const GITHUB = 'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const AWS =
  'otpauth://totp/AWS:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=AWS&algorithm=SHA256&digits=8&period=60';
/** A bus address with nothing behind it: commands that must not need the keychain prove it. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyfob-test-bus' };

let home: string;
let env: NodeJS.ProcessEnv;
function keyfob(args: string[], input: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    input,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const totp = (...args: string[]) =>
  execFileSync('oathtool', ['-b', `--now=@${AT}`, ...args], { encoding: 'utf8' }).trim();

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  home = mkdtempSync(join(tmpdir(), 'keyfob-stdin-'));
  env = { ...process.env, KEYFOB_HOME: home, KEYFOB_KEYCHAIN_SERVICE: `Keyfob-stdin-test-${process.pid}` };
});
afterAll(() => {
  const listed = keyfob(['list', '--json'], '');
  if (listed.status === 0)
    for (const a of JSON.parse(listed.stdout) as Array<{ id: string }>) keyfob(['remove', a.id], '');
  rmSync(home, { recursive: true, force: true });
});

describe('without the keychain', () => {
  it('inspect - reads the URI; the trailing newline is not part of it', () => {
    const piped = keyfob(['inspect', '-', '--json'], `${GITHUB}\n`, NO_KEYCHAIN);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(keyfob(['inspect', GITHUB, '--json'], '', NO_KEYCHAIN).stdout);
  });

  it('code --uri - reads one URI per line (CRLF and blank lines ignored), in order with other --uri', () => {
    const r = keyfob(
      ['code', '--uri', '-', '--uri', GITHUB, '--at', String(AT)],
      `${AWS}\r\n\n${GITHUB}\n`,
      NO_KEYCHAIN,
    );
    const github = totp('--totp', 'JBSWY3DPEHPK3PXP');
    const aws = totp('--totp=sha256', '-d', '8', '-s', '60', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect([r.status, r.stdout.trim().split('\n')]).toEqual([0, [aws, github, github]]);
  });

  it.each<[string, string[], string, string | RegExp]>([
    [
      'nothing piped in',
      ['inspect', '-'],
      '',
      'keyfob: standard input is empty; expected one otpauth:// URI',
    ],
    [
      'two URIs for one',
      ['inspect', '-'],
      `${GITHUB}\n${AWS}\n`,
      'keyfob: standard input holds 2 lines; inspect takes exactly one otpauth:// URI',
    ],
    [
      'stdin asked for twice',
      ['code', '--uri', '-', '--uri', '-'],
      GITHUB,
      "keyfob: standard input can be read once: give '--uri -' only once",
    ],
    [
      'a bad line among several',
      ['code', '--uri', '-'],
      `${GITHUB}\notpauth://totp/x?secret=1\n`,
      /^keyfob: URI 2 of 2: .*Secret contains '1'/,
    ],
    [
      'more than 1 MB',
      ['inspect', '-'],
      'A'.repeat(1024 * 1024 + 1),
      'keyfob: standard input is larger than 1 MB; expected otpauth:// URIs',
    ],
  ])('%s: exit 1, one plain line', (_name, args, input, message) => {
    const r = keyfob(args, input, NO_KEYCHAIN);
    expect(r.status).toBe(1);
    if (typeof message === 'string') expect(r.stderr.trim()).toBe(message);
    else expect(r.stderr.trim()).toMatch(message);
  });

  it("'-' on a terminal explains how to pipe instead of waiting for input", () => {
    // script(1) gives the command a terminal as its standard input.
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} add -`, '/dev/null'], {
      env: { ...env, ...NO_KEYCHAIN },
      encoding: 'utf8',
      input: '',
      timeout: 10_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /standard input, which is a terminal here: pipe the URI in \(e\.g\. 'pass show site \| keyfob add -'\)/,
    );
  });
});

describe('with the vault', () => {
  it('add - stores the piped URI; replace <id> - takes the new key the same way', () => {
    const added = keyfob(['add', '-'], 'otpauth://totp/Piped:me?secret=MZXW6YTBOI&issuer=Piped\n');
    expect(added.status).toBe(0);
    const id = /^added ([0-9a-f-]{36}) {2}Piped: me\n$/.exec(added.stdout)?.[1] ?? '';
    expect(keyfob(['code', id, '--at', String(AT)], '').stdout.split(/\s+/)[0]).toBe(
      totp('--totp', 'MZXW6YTBOI'),
    );

    const replaced = keyfob(
      ['replace-key', id, '-', '--at', String(AT)],
      `${GITHUB.replace('GitHub', 'Piped')}\n`,
    );
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toBe(
      `replaced the key of Piped: me (${id})\nnew code: ${totp('--totp', 'JBSWY3DPEHPK3PXP')}\n`,
    );
  });
});
