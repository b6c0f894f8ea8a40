import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkTokens } from '../formats/testdata/bulk';
import { writeKeyfobList } from '../formats/testdata/key-uris';
import { KEYFOB_BIN, requireBuiltCliOnKeyring } from '../../test-support/cli/built-cli';
import { onTerminal, shellWord } from '../../test-support/cli/pseudo-terminal';
import { deleteService, uniqueService } from '../../test-support/vault/keyring';

// `keyfob doctor` reads every keychain item, seconds with a thousand accounts: on a terminal,
// standard error shows the step under way, cleared before the report; elsewhere nothing extra.
// Needs the built CLI: npm run build && node scripts/with-keyring.mjs npx vitest run electron/cli
const BIN = KEYFOB_BIN;
const ESC = '\u001b';

let scratch: string;
let env: NodeJS.ProcessEnv;
let service: string;
beforeAll(() => {
  requireBuiltCliOnKeyring();
  scratch = mkdtempSync(join(tmpdir(), 'keyfob-doctor-'));
  service = uniqueService('doctor-progress');
  env = { ...process.env, KEYFOB_HOME: join(scratch, 'vault'), KEYFOB_KEYCHAIN_SERVICE: service };
  const list = join(scratch, 'accounts.txt');
  writeFileSync(list, writeKeyfobList(bulkTokens(40)));
  const imported = spawnSync(process.execPath, [BIN, 'import', list], { env, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(imported.stderr);
});
afterAll(async () => {
  await deleteService(service);
  rmSync(scratch, { recursive: true, force: true });
});

describe('keyfob doctor', () => {
  it('on a terminal: the step under way on standard error, cleared before the report', async () => {
    const out = join(scratch, 'doctor.txt');
    const term = onTerminal(
      `${shellWord(process.execPath)} ${shellWord(BIN)} doctor > ${shellWord(out)}`,
      env,
    );
    expect(await term.exited).toBe(0);
    const drawn = term.output();
    expect(drawn).toMatch(/keyfob: checking \[[#-]+\] 0\/2 steps, \d+s so far — comparing the account list/);
    // cli-progress gives the terminal back: line wrapping on again, the line cleared.
    expect(drawn).toContain(`${ESC}[?7h`);
    expect(drawn.endsWith(`${ESC}[2K`)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('40 accounts, 40 with a readable secret\n');
  });

  it('off a terminal: nothing but the report', () => {
    const r = spawnSync(process.execPath, [BIN, 'doctor'], { env, encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '40 accounts, 40 with a readable secret\n', '']);
  });
});
