import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from './app-services';
import { EMPTY_DRAFT } from '../../shared/ipc/shapes';
import { SEED_HOLD_MS } from './seed-hold';
import { emptySummary } from './import/sessions';
import { manualTimers, type ManualTimers } from '../../test-support/services/manual-timers';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { scriptedDialogs, type ScriptedDialogs } from '../../test-support/adapters/scripted-dialogs';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';
import { defined } from '../../test-support/defined';
import { FIXTURE_PASSWORD } from '../formats/testdata/canonical';

// The backup channels under plain Node (no Electron): the file dialogs are scripted, files real.
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const FILES = join(__dirname, '..', 'formats', 'testdata', 'files');

let home: string;
let dialogs: ScriptedDialogs;
let services: AppServices;
let secrets: MemorySecretStore;
let now: number;
let holdTimers: ManualTimers;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-backup-'));
  dialogs = scriptedDialogs();
  secrets = memorySecretStore();
  now = NOW;
  holdTimers = manualTimers();
  services = await createAppServices({
    home,
    secrets,
    now: () => now,
    clipboard: recordingClipboard(),
    watch: false,
    dialogs,
    holdTimers,
  });
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

/** The import a scripted open dialog opened (the tests always answer it with a file). */
const opened = async () => {
  const value = await ok(services.invoke('backup:import-open'));
  if (value === null) throw new Error('the open dialog was cancelled');
  return value;
};

const ok = async <T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
  const r = await reply;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('backup channels', () => {
  it('an import session gives the renderer names and statuses, never a secret', async () => {
    dialogs.nextOpen(join(FILES, 'keyfob-otpauth.txt'));
    const session = await opened();
    expect(session).toMatchObject({ fileName: 'keyfob-otpauth.txt', needsPassword: false });
    const entries = await ok(services.invoke('backup:import-read', session.sessionId, null, null));
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
    ['a folder', () => home, 'is a folder, not a backup; choose a file inside it.'],
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

  it.each([
    ['detection is sure', 'aegis-db3-plain.json', 'aegis', 0],
    ['a guess from the name (andOTP before 0.6.3)', 'otp_accounts_old.json.aes', 'andotp-old', 2],
    ['nothing recognises it', 'keyfob-otpauth.txt.bin', null, 1],
  ] as const)('Import… offers the formats to choose from when %s', async (_, file, formatId, minimum) => {
    const path = join(home, file);
    const source = file.endsWith('.bin')
      ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])
      : await readFile(join(FILES, file));
    await writeFile(path, source);
    dialogs.nextOpen(path);
    const session = await opened();
    expect(session.formatId).toBe(formatId);
    expect(session.unrecognised === null).toBe(formatId !== null);
    if (minimum === 0) expect(session.formats).toEqual([]);
    else expect(session.formats.length).toBeGreaterThan(minimum);
    if (formatId !== 'andotp-old') return;
    // The other andOTP layout does not fit (its "iteration count" is the old layout's nonce); the
    // guess does, with the file's password.
    await expect(
      services.invoke('backup:import-read', session.sessionId, 'wrong', 'andotp'),
    ).resolves.toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^This andOTP backup is damaged: its key-derivation iteration count/),
      },
    });
    const entries = await ok(
      services.invoke('backup:import-read', session.sessionId, FIXTURE_PASSWORD, 'andotp-old'),
    );
    expect(entries.every((e) => e.status === 'new')).toBe(true);
    expect(entries).toHaveLength(10);
  });

  it('a database is read with the -wal beside it', async () => {
    dialogs.nextOpen(join(FILES, 'PhoneFactor'));
    const session = await opened();
    const entries = await ok(services.invoke('backup:import-read', session.sessionId, null, null));
    expect(entries.map((e) => e.issuer)).toEqual(['GitHub', 'Example: Staging']);
  });

  it('commit needs one valid choice per entry and ends the session', async () => {
    dialogs.nextOpen(join(FILES, 'keyfob-otpauth.txt'));
    const { sessionId } = defined(await ok(services.invoke('backup:import-open')));
    const entries = await ok(services.invoke('backup:import-read', sessionId, null, null));
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
    const run = async (choices: Array<'skip' | 'update' | 'keep-both'>) => {
      dialogs.nextOpen(file);
      const { sessionId } = defined(await ok(services.invoke('backup:import-open')));
      const entries = await ok(services.invoke('backup:import-read', sessionId, null, null));
      return { entries, summary: await ok(services.invoke('backup:import-commit', sessionId, choices)) };
    };
    expect((await run(['keep-both', 'keep-both'])).summary).toMatchObject({ added: 2, updated: 0 });
    const [site] = await ok(services.invoke('accounts:list'));
    await writeFile(file, `${uri(9)}\notpauth://totp/Other:x?secret=MZXW6YTBOI&issuer=Other\n`);
    const { entries, summary } = await run(['update', 'keep-both']);
    expect(entries.map((e) => e.status)).toEqual(['duplicate', 'duplicate']);
    expect(summary).toMatchObject({ added: 1, updated: 1, skipped: 0, failed: [] });
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

  it('a keychain that locks half-way loses nothing: Retry saves the rest, each account once', async () => {
    const file = join(home, 'five.txt');
    const names = ['A', 'B', 'C', 'D', 'E'];
    const secretsOf = [
      'JBSWY3DPEHPK3PXP',
      'GEZDGNBVGY3TQOJQ',
      'MZXW6YTBOI',
      'KRSXG5CTMVRXEZLU',
      'ONSWG4TFOQ',
    ];
    await writeFile(
      file,
      names.map((n, i) => `otpauth://totp/${n}:me?secret=${secretsOf[i]}&issuer=${n}\n`).join(''),
    );
    dialogs.nextOpen(file);
    const { sessionId } = defined(await ok(services.invoke('backup:import-open')));
    const entries = await ok(services.invoke('backup:import-read', sessionId, null, null));
    const all = entries.map(() => 'keep-both' as const);
    // The keychain locks after two items were written.
    let writes = 0;
    secrets.onCall = (op) => {
      if (op === 'set' && ++writes === 3) secrets.mode = 'locked';
    };
    const failed = await services.invoke('backup:import-commit', sessionId, all);
    expect(failed).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });
    const partial = await ok(services.invoke('accounts:list'));
    expect(partial.length).toBeLessThan(5);

    secrets.mode = 'ok';
    secrets.onCall = undefined;
    const summary = await ok(services.invoke('backup:import-commit', sessionId, all));
    expect(summary).toEqual({ ...emptySummary(), added: 5 });
    const after = await ok(services.invoke('accounts:list'));
    expect(after.map((a) => a.issuer).sort()).toEqual(names);
    expect([...secrets.items.values()].sort()).toEqual([...secretsOf].sort());
    // Saved: the session is gone.
    expect((await services.invoke('backup:import-commit', sessionId, all)).ok).toBe(false);
  });

  it('a keychain already locked when Import is chosen: refused by one probe, before any item is written', async () => {
    dialogs.nextOpen(join(FILES, 'keyfob-otpauth.txt'));
    const { sessionId } = defined(await ok(services.invoke('backup:import-open')));
    const entries = await ok(services.invoke('backup:import-read', sessionId, null, null));
    const all = entries.map(() => 'keep-both' as const);
    secrets.mode = 'locked';
    secrets.calls.length = 0;
    expect(await services.invoke('backup:import-commit', sessionId, all)).toMatchObject({
      ok: false,
      error: { code: 'keychain-locked' },
    });
    expect(secrets.calls).toEqual(['probe']);
    secrets.mode = 'ok';
    expect((await ok(services.invoke('backup:import-commit', sessionId, all))).added).toBe(entries.length);
  });

  it.each([
    ['the clock passes 5 minutes after the last step', () => void (now += SEED_HOLD_MS)],
    ['the hold timer fires', () => holdTimers.fireAll()],
  ])('an import session is dropped when %s', async (_name, expire) => {
    dialogs.nextOpen(join(FILES, 'keyfob-otpauth.txt'));
    const { sessionId } = defined(await ok(services.invoke('backup:import-open')));
    now += SEED_HOLD_MS - 1000; // each step restarts the 5 minutes
    const entries = await ok(services.invoke('backup:import-read', sessionId, null, null));
    expect(holdTimers.pending()).toEqual([SEED_HOLD_MS]);
    expire();
    const r = await services.invoke(
      'backup:import-commit',
      sessionId,
      entries.map(() => 'keep-both' as const),
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringMatching(/^This import was closed after 5 minutes without saving/u) as string,
      },
    });
    expect(await ok(services.invoke('accounts:list'))).toEqual([]);
  });
});
