import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingClipboard } from '../adapters/clipboard';
import { scriptedDialogs, type ScriptedDialogs } from '../adapters/dialogs';
import { memorySecretStore } from '../vault';
import { createAppServices, type AppServices } from './app-services';
import { EMPTY_DRAFT } from '../../shared/ipc-contract';

// The backup channels under plain Node (no Electron): the file dialogs are scripted, files real.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const FILES = join(__dirname, '..', 'formats', 'testdata', 'files');

let home: string;
let dialogs: ScriptedDialogs;
let services: AppServices;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-backup-'));
  dialogs = scriptedDialogs();
  services = await createAppServices({
    home,
    secrets: memorySecretStore(),
    now: () => NOW,
    clipboard: recordingClipboard(),
    watch: false,
    dialogs,
  });
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

const ok = async <T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
  const r = await reply;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('backup channels', () => {
  it('an import session gives the renderer names and statuses, never a secret', async () => {
    dialogs.nextOpen(join(FILES, 'keyfob-otpauth.txt'));
    const opened = await ok(services.invoke('backup:import-open'));
    expect(opened).toMatchObject({ fileName: 'keyfob-otpauth.txt', needsPassword: false });
    const entries = await ok(services.invoke('backup:import-read', opened!.sessionId, null));
    const text = await readFile(join(FILES, 'keyfob-otpauth.txt'), 'utf8');
    const secrets = [...text.matchAll(/secret=([A-Z2-7]+)/gu)].map((m) => m[1] ?? '');
    expect(secrets.length).toBeGreaterThan(0);
    const shown = JSON.stringify(entries);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).not.toContain('otpauth://');
  });

  it.each([
    ['cancelled dialog', null, null],
    ['unknown session', 'x', 'This import was closed; choose the file again.'],
  ] as const)('%s', async (_name, session, message) => {
    if (session === null) {
      expect(await ok(services.invoke('backup:import-open'))).toBeNull();
    } else {
      const r = await services.invoke('backup:import-commit', session, []);
      expect(r.ok ? null : r.error.message).toBe(message);
    }
  });

  it.each([
    ['a folder', () => home, 'is a folder, not a backup.'],
    [
      'a device that never ends',
      () => '/dev/zero',
      'zero is not a regular file (it is a device, pipe or socket)',
    ],
  ])('Import… of %s is refused with a message, before reading', async (_, path, message) => {
    if (process.platform === 'win32' && path().startsWith('/dev')) return;
    dialogs.nextOpen(path());
    const r = await services.invoke('backup:import-open');
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining(message),
    });
  });

  it('commit needs one valid choice per entry and ends the session', async () => {
    dialogs.nextOpen(join(FILES, 'keyfob-otpauth.txt'));
    const { sessionId } = (await ok(services.invoke('backup:import-open')))!;
    const entries = await ok(services.invoke('backup:import-read', sessionId, null));
    const bad = await services.invoke('backup:import-commit', sessionId, ['skip']);
    expect(bad.ok).toBe(false);
    const all = entries.map(() => 'keep-both' as const);
    const summary = await ok(services.invoke('backup:import-commit', sessionId, all));
    expect(summary.added).toBe(entries.filter((e) => e.status === 'new').length);
    expect((await services.invoke('backup:import-commit', sessionId, all)).ok).toBe(false);
  });

  it('replace takes the imported names and parameters in place; keep-both and new go through one bulk add', async () => {
    const file = join(home, 'list.txt');
    const uri = (counter: number) =>
      `otpauth://hotp/Site:me?secret=JBSWY3DPEHPK3PXP&issuer=Site&counter=${counter}`;
    await writeFile(file, `${uri(5)}\notpauth://totp/Other:x?secret=MZXW6YTBOI&issuer=Other\n`);
    const run = async (choices: Array<'skip' | 'replace' | 'keep-both'>) => {
      dialogs.nextOpen(file);
      const { sessionId } = (await ok(services.invoke('backup:import-open')))!;
      const entries = await ok(services.invoke('backup:import-read', sessionId, null));
      return { entries, summary: await ok(services.invoke('backup:import-commit', sessionId, choices)) };
    };
    expect((await run(['keep-both', 'keep-both'])).summary).toMatchObject({ added: 2, replaced: 0 });
    const [site] = await ok(services.invoke('accounts:list'));
    await writeFile(file, `${uri(9)}\notpauth://totp/Other:x?secret=MZXW6YTBOI&issuer=Other\n`);
    const { entries, summary } = await run(['replace', 'keep-both']);
    expect(entries.map((e) => e.status)).toEqual(['duplicate', 'duplicate']);
    expect(summary).toMatchObject({ added: 1, replaced: 1, skipped: 0, failed: [] });
    const after = await ok(services.invoke('accounts:list'));
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ id: site?.id, issuer: 'Site', counter: '9' });
  });

  it('export writes mode 600, refuses an empty password, and clears the reminder', async () => {
    await services.invoke(
      'accounts:add',
      { ...EMPTY_DRAFT, issuer: 'GitHub', account: 'me', secret: 'JBSWY3DPEHPK3PXP' },
      { allowDuplicate: false },
    );
    expect(await ok(services.invoke('backup:reminder'))).toEqual({ due: true });
    const empty = await services.invoke('backup:export', 'aegis-encrypted', '');
    expect(empty.ok ? null : empty.error).toMatchObject({ field: 'password' });
    expect(dialogs.shown).toHaveLength(0);
    const out = join(home, 'out.json');
    dialogs.nextSave(out);
    expect(await ok(services.invoke('backup:export', 'aegis-encrypted', 'pw'))).toEqual({
      fileName: 'out.json',
      count: 1,
      atMs: NOW,
    });
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await ok(services.invoke('backup:reminder'))).toEqual({ due: false });
  });
});
