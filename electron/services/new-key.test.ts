import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type AccountView, type ManualDraft } from '../../shared/ipc/shapes';
import { parseKeyUri } from '../core';
import { formatMigrationUris } from '../formats/google-migration/writer';
import { createAppServices, type AppServices } from './app-services';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { scriptedDialogs, type ScriptedDialogs } from '../../test-support/adapters/scripted-dialogs';
import { memorySecretStore } from '../../test-support/vault/memory-secret-store';
import { defined } from '../../test-support/defined';

// A new key for an account Keyfob has (same issuer and account name, another secret), through every
// channel a key comes in by: the typed form, a scan, "Replace key…" by scanning, and an import.
// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" gives the 8-digit code 07081804 at T.
const T = 1_111_111_109_000;
const RFC = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_CODE = '07081804';
const OLD = 'JBSWY3DPEHPK3PXP';
const reissued = (label: string, issuer: string) =>
  `otpauth://totp/${label}?secret=${RFC}&issuer=${issuer}&digits=8`;

let home: string;
let dialogs: ScriptedDialogs;
let services: AppServices;
let github: AccountView;
let work: AccountView[];

const h = () => services.handlers;
const draft = (patch: Partial<ManualDraft>): ManualDraft => ({ ...EMPTY_DRAFT, ...patch });
const codeOf = async (id: string) => (await h()['accounts:codes']([id])).codes[0]?.code;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-new-key-'));
  dialogs = scriptedDialogs();
  services = await createAppServices({
    home,
    secrets: memorySecretStore(),
    now: () => T,
    clipboard: recordingClipboard(),
    watch: false,
    dialogs,
  });
  const add = (issuer: string, account: string, secret: string) =>
    h()['accounts:add'](draft({ issuer, account, secret }), { allowDuplicate: false });
  github = await add('GitHub', 'alice', OLD);
  work = [await add('Work', 'alice', 'KRSXG5CTMVRXEZLU'), await add('Work', 'alice', 'MFRGGZDFMZTWQ2LK')];
  await add('Dropbox', 'alice', 'IEVSP6SZO4PFZELH');
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

describe('accounts:check-draft', () => {
  it.each([
    ['the same names, another key', 'GitHub', 'alice', RFC, [0], null],
    ['two accounts of those names', 'Work', 'alice', RFC, [1, 2], null],
    ['the same key (a duplicate)', 'GitHub', 'alice', OLD, [], 0],
    ['another account name', 'GitHub', 'bob', RFC, [], null],
  ] as const)('%s', async (_what, issuer, account, secret, newKeyFor, duplicate) => {
    const check = await h()['accounts:check-draft'](draft({ issuer, account, secret }));
    const ids = (await h()['accounts:list']()).map((a) => a.id);
    expect(check.newKeyFor.map((a) => a.id)).toEqual(newKeyFor.map((i) => ids[i]));
    expect(check.duplicateOf?.id ?? null).toBe(duplicate === null ? null : ids[duplicate]);
  });
});

describe('accounts:replace-key-with-draft', () => {
  it('makes the typed key (and its parameters) current in place; the old key stays restorable', async () => {
    const typed = draft({ issuer: 'GitHub', account: 'alice', secret: RFC, digits: '8' });
    const replaced = await h()['accounts:replace-key-with-draft'](github.id, typed);
    expect([replaced.id, replaced.order, replaced.digits]).toEqual([github.id, 0, 8]);
    expect(replaced.replacedKey).toBeDefined();
    expect(await codeOf(github.id)).toBe(RFC_CODE);
    await h()['accounts:restore-key'](github.id);
    expect((await h()['accounts:list']())[0]?.digits).toBe(6);
  });

  it('refuses a form that names another account, and changes nothing', async () => {
    const other = draft({ issuer: 'GitHub', account: 'bob', secret: RFC });
    await expect(h()['accounts:replace-key-with-draft'](github.id, other)).rejects.toThrow(
      "The form names 'GitHub: bob', not 'GitHub: alice'; nothing was replaced.",
    );
    expect((await h()['accounts:list']())[0]?.replacedKey).toBeUndefined();
  });
});

describe('a scanned re-issued code', () => {
  const preview = async (text: string) => {
    const step = await h()['scan:submit'](text);
    if (step.kind !== 'preview') throw new Error(`expected a preview, got ${step.kind}`);
    return step.preview;
  };

  it('is previewed as a new key for the account, and "replace" swaps it in place', async () => {
    const [entry] = (await preview(reissued('GitHub:alice', 'GitHub'))).entries;
    expect([entry?.duplicateOf, entry?.newKeyFor.map((a) => a.id)]).toEqual([null, [github.id]]);
    const saved = await h()['scan:save']([{ replace: github.id }]);
    expect([saved.added, saved.replaced.map((a) => a.id)]).toEqual([[], [github.id]]);
    expect(await h()['accounts:list']()).toHaveLength(4);
    expect(await codeOf(github.id)).toBe(RFC_CODE);
  });

  it.each([
    ['keep-both', 5, { added: 1, replaced: 0, skipped: 0 }],
    ['skip', 4, { added: 0, replaced: 0, skipped: 1 }],
  ] as const)('with %s leaves %i accounts', async (decision, count, outcome) => {
    await preview(reissued('GitHub:alice', 'GitHub'));
    const saved = await h()['scan:save']([decision]);
    expect({ added: saved.added.length, replaced: saved.replaced.length, skipped: saved.skipped }).toEqual(
      outcome,
    );
    expect(await h()['accounts:list']()).toHaveLength(count);
    expect(await codeOf(github.id)).not.toBe(RFC_CODE);
  });

  it('lists every account of its names, and refuses to replace an account of other names', async () => {
    const [entry] = (await preview(reissued('Work:alice', 'Work'))).entries;
    expect(entry?.newKeyFor.map((a) => a.id)).toEqual(work.map((a) => a.id));
    await expect(h()['scan:save']([{ replace: github.id }])).rejects.toThrow(
      "'Work: alice' is not a new key for that account; nothing was replaced.",
    );
    expect(await codeOf(github.id)).not.toBe(RFC_CODE);
  });

  it('"Replace key…" by scanning gives one row the key, whatever names the code carries', async () => {
    const dropbox = defined((await h()['accounts:list']())[3]);
    await preview(reissued('Other:bob', 'Other'));
    const replaced = await h()['scan:replace-key'](dropbox.id);
    expect([replaced.id, replaced.issuer, replaced.account]).toEqual([dropbox.id, 'Dropbox', 'alice']);
    expect(await codeOf(dropbox.id)).toBe(RFC_CODE);
    await expect(h()['scan:replace-key'](dropbox.id)).rejects.toThrow(/nothing scanned to save/);
  });

  it('"Replace key…" refuses a transfer of several accounts and keeps the preview', async () => {
    const tokens = ['a', 'b'].map((n) => parseKeyUri(reissued(`Site:${n}`, 'Site')));
    await preview(defined(formatMigrationUris(tokens, 7)[0]));
    await expect(h()['scan:replace-key'](github.id)).rejects.toThrow(
      'This code holds 2 accounts; scan the QR code of this one account.',
    );
    expect(await h()['scan:pending']()).not.toBeNull();
  });
});

describe('an imported re-issued key', () => {
  it('is planned as new-key with its accounts; replace, add and a wrong target each do what they say', async () => {
    const file = join(home, 'links.txt');
    const lines = [
      reissued('GitHub:alice', 'GitHub'),
      reissued('Work:alice', 'Work'),
      reissued('Work:alice', 'Work'),
    ];
    await writeFile(file, [...lines, reissued('New:carol', 'New'), ''].join('\n'));
    dialogs.nextOpen(file);
    const opened = defined(await h()['backup:import-open']());
    const entries = await h()['backup:import-read'](opened.sessionId, null, null);
    expect(entries.map((e) => [e.status, e.newKeyFor.length])).toEqual([
      ['new-key', 1],
      ['new-key', 2],
      ['duplicate', 0],
      ['new', 0],
    ]);
    const summary = await h()['backup:import-commit'](opened.sessionId, [
      { replace: github.id },
      { replace: github.id },
      'skip',
      'keep-both',
    ]);
    expect(summary).toMatchObject({ added: 1, skipped: 1, replaced: [{ id: github.id }] });
    expect(summary.failed).toEqual([
      {
        source: 'links.txt:2',
        message: "'Work: alice' is not a new key for that account; nothing was replaced.",
      },
    ]);
    expect(await codeOf(github.id)).toBe(RFC_CODE);
    expect(await h()['accounts:list']()).toHaveLength(5);
  });
});
