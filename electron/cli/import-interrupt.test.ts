import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault, keytarSecretStore } from '../vault';
import { INTERNAL_IDS } from '../vault/keytar-store';
import { bulkTokens } from '../formats/testdata/bulk';
import { writeKeyfobList } from '../formats/testdata/key-uris';
import { KEYFOB_BIN, requireBuiltCliOnKeyring } from '../../test-support/cli/built-cli';
import { onTerminal, shellWord } from '../../test-support/cli/pseudo-terminal';
import { rawKeytar, uniqueService, deleteService } from '../../test-support/vault/keyring';

// `keyfob import` on a terminal, with the real keyring: the progress line is redrawn in place on
// standard error, Ctrl+C stops after the account being saved (exit 130) and nothing is lost — every
// account reported as added is listed with its keychain item, no other item exists, and the same
// import run again adds exactly the rest. A second Ctrl+C quits at once, and still loses nothing.
// Needs the built CLI: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli
const BIN = KEYFOB_BIN;
const ACCOUNTS = 300;
const ESC = '\u001b';

let scratch: string;
let list: string;
beforeAll(() => {
  requireBuiltCliOnKeyring();
  scratch = mkdtempSync(join(tmpdir(), 'keyfob-interrupt-'));
  list = join(scratch, 'accounts.txt');
  writeFileSync(list, writeKeyfobList(bulkTokens(ACCOUNTS)));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh vault and keychain service, and the environment that selects them. */
function freshVault(name: string) {
  const home = join(scratch, name);
  const service = uniqueService(`interrupt-${name}`);
  return { home, service, env: { ...process.env, KEYFOB_HOME: home, KEYFOB_KEYCHAIN_SERVICE: service } };
}

/** What the vault holds: listed ids, keychain item ids (Keyfob's own bookkeeping items left out), recovery lines. */
async function stored(home: string, service: string) {
  const { vault, report } = await Vault.open({ home, secrets: keytarSecretStore(service) });
  const listed = (await vault.list()).map((a) => a.id).sort();
  const items = (await (await rawKeytar()).findCredentials(service))
    .map((c) => c.account)
    .filter((id) => !INTERNAL_IDS.has(id))
    .sort();
  return { listed, items, recovered: report.recovered };
}

/** The same import again, off the terminal: what it adds and skips. */
function importAgain(env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [BIN, 'import', list], { env, encoding: 'utf8' });
  return { status: r.status, summary: r.stderr.trim() };
}

describe('keyfob import on a terminal', () => {
  it.each([
    ['lines', []],
    ['--json', ['--json']],
  ] as const)(
    'Ctrl+C (%s) stops after the account being saved, exits 130 and loses nothing',
    { timeout: 240_000 },
    async (_, flags) => {
      const { home, service, env } = freshVault(flags.length ? 'json' : 'lines');
      const out = join(home, '..', `${flags.length ? 'json' : 'lines'}-stdout.txt`);
      const args = [process.execPath, BIN, 'import', list, ...flags].map(shellWord).join(' ');
      // Standard output goes to a file: the terminal shows standard error alone.
      const term = onTerminal(`${args} > ${shellWord(out)}`, env);
      try {
        if (flags.length === 0) {
          await term.waitFor(/saving \[[#-]+\] ([1-9]\d*)\/300 accounts/);
        } else {
          // With --json nothing is drawn: wait for the first saved accounts in the vault instead.
          await waitUntil(async () => (await stored(home, service)).listed.length > 0);
        }
        term.type('\u0003');
        expect(await term.exited).toBe(130);
        const drawn = term.output();
        const stdout = readFileSync(out, 'utf8');
        expect(stdout).not.toContain(ESC);
        let added: number;
        if (flags.length === 0) {
          // Redrawn in place (back to column 1, line cleared), never one line per update.
          const redraws = drawn.split(`${ESC}[1Gkeyfob: saving [`).length - 1;
          expect(redraws).toBeGreaterThan(1);
          expect(drawn).toMatch(/accounts, [\d.]+\/s, [\dhms]+ left/);
          expect(drawn).toContain('stopping after the account being saved (Ctrl+C again to quit at once)');
          added = stdout.split('\n').filter((l) => /\s{2}added\s{2}/.test(l)).length;
          expect(drawn).toContain(
            `keyfob: interrupted: ${added} added, 0 duplicates skipped, 0 rejected, ${ACCOUNTS - added} not imported (interrupted)`,
          );
        } else {
          expect(drawn).not.toContain('keyfob: saving [');
          expect(drawn).toContain(
            'keyfob: stopping after the account being saved (Ctrl+C again to quit at once)',
          );
          const rows = JSON.parse(stdout) as Array<{ status: string }>;
          added = rows.filter((r) => r.status === 'added').length;
          expect(rows.filter((r) => r.status === 'interrupted')).toHaveLength(ACCOUNTS - added);
        }
        expect(added).toBeGreaterThan(0);
        expect(added).toBeLessThan(ACCOUNTS);
        const after = await stored(home, service);
        expect(after).toEqual({ listed: after.items, items: after.items, recovered: [] });
        expect(after.listed).toHaveLength(added);
        expect(importAgain(env)).toEqual({
          status: 0,
          summary: `keyfob: ${ACCOUNTS - added} added, ${added} duplicates skipped, 0 rejected`,
        });
      } finally {
        await deleteService(service);
      }
    },
  );

  it(
    'a second Ctrl+C quits at once; the next open settles the account being saved',
    { timeout: 240_000 },
    async () => {
      const { home, service, env } = freshVault('twice');
      const args = [process.execPath, BIN, 'import', list].map(shellWord).join(' ');
      const term = onTerminal(`${args} > /dev/null`, env);
      try {
        await term.waitFor(/saving \[[#-]+\] ([1-9]\d*)\/300 accounts/);
        term.type('\u0003');
        await term.waitFor(/Ctrl\+C again to quit at once/);
        term.type('\u0003');
        expect(await term.exited).toBe(130);
        expect(term.output()).toMatch(/keyfob: quit at once with \d+ accounts reported saved/);
        // The line was cleared and line wrapping given back before the last words.
        expect(term.output()).toContain(`${ESC}[?7h`);
        const after = await stored(home, service);
        expect(after.listed).toEqual(after.items);
        const again = importAgain(env);
        expect(again.status).toBe(0);
        expect(again.summary).toBe(
          `keyfob: ${ACCOUNTS - after.listed.length} added, ${after.listed.length} duplicates skipped, 0 rejected`,
        );
      } finally {
        await deleteService(service);
      }
    },
  );
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
