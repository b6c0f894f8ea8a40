import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyfobError } from '../../shared/errors';
import type { ManualDraft } from '../../shared/ipc/shapes';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings-fields';
import { Vault } from '../vault';
import { createAppServices, type AppServices } from './app-services';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" and its published 8-digit codes.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = 1_111_111_109_000;

const draft = (patch: Partial<ManualDraft> = {}): ManualDraft => ({
  issuer: 'RFC',
  account: 'appendix-b',
  secret: RFC_SECRET,
  type: 'totp',
  algorithm: 'SHA1',
  digits: '8',
  period: '30',
  counter: '0',
  ...patch,
});

let home: string;
let secrets: MemorySecretStore;
let services: AppServices;
let now = T;
const clipboard = recordingClipboard();

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-services-'));
  secrets = memorySecretStore();
  now = T;
  services = await createAppServices({ home, secrets, now: () => now, clipboard, watch: false });
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

describe('accounts', () => {
  it('adds from a draft and shows the RFC code, its window and the next code', async () => {
    const added = await services.invoke('accounts:add', draft(), { allowDuplicate: false });
    expect(added).toMatchObject({ ok: true, value: { issuer: 'RFC', digits: 8, counter: '0', order: 0 } });
    const codes = await services.handlers['accounts:codes']();
    expect(codes).toEqual({
      atMs: T,
      codes: [
        {
          id: added.ok ? added.value.id : '',
          code: '07081804',
          validFromMs: 1_111_111_080_000,
          validUntilMs: 1_111_111_110_000,
          nextCode: '14050471',
        },
      ],
      unavailable: [],
    });
  });

  it('renames, reorders and removes, and the list follows', async () => {
    const a = await services.handlers['accounts:add'](draft({ issuer: 'A' }), { allowDuplicate: false });
    const b = await services.handlers['accounts:add'](draft({ issuer: 'B', secret: 'JBSWY3DPEHPK3PXP' }), {
      allowDuplicate: false,
    });
    await services.handlers['accounts:rename'](a.id, { issuer: ' A2 ', account: 'me' });
    const reordered = await services.handlers['accounts:reorder']([b.id, a.id]);
    expect(reordered.map((x) => [x.issuer, x.order])).toEqual([
      ['B', 0],
      ['A2', 1],
    ]);
    await services.handlers['accounts:remove'](b.id);
    expect((await services.handlers['accounts:list']()).map((x) => x.issuer)).toEqual(['A2']);
    expect(secrets.items.has(b.id)).toBe(false);
  });

  it('advances HOTP durably and returns RFC 4226 codes in order', async () => {
    const h = await services.handlers['accounts:add'](draft({ type: 'hotp', digits: '6' }), {
      allowDuplicate: false,
    });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await services.handlers['accounts:hotp-next'](h.id)).code);
    expect(codes).toEqual(['755224', '287082', '359152']);
    expect((await services.handlers['accounts:list']())[0]?.counter).toBe('3');
  });

  it('refuses a duplicate unless allowed, as data with a code', async () => {
    await services.handlers['accounts:add'](draft(), { allowDuplicate: false });
    const again = await services.invoke('accounts:add', draft(), { allowDuplicate: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await services.invoke('accounts:add', draft(), { allowDuplicate: true })).toMatchObject({
      ok: true,
    });
  });

  it('answers malformed requests with invalid-input, unknown ids with not-found', async () => {
    expect(await services.invoke('accounts:remove', 42 as unknown as string)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await services.invoke('accounts:rename', 'nope', { issuer: 'x', account: 'y' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('accounts:check-draft', () => {
  it('previews the code and flags a duplicate', async () => {
    const first = await services.handlers['accounts:check-draft'](draft());
    expect(first).toMatchObject({
      errors: {},
      preview: { code: '07081804', nextCode: '14050471' },
      duplicateOf: null,
    });
    const added = await services.handlers['accounts:add'](draft(), { allowDuplicate: false });
    const second = await services.handlers['accounts:check-draft'](
      draft({ secret: RFC_SECRET.toLowerCase() }),
    );
    expect(second.duplicateOf?.id).toBe(added.id);
  });

  it('returns field errors and no preview for a bad draft', async () => {
    const check = await services.handlers['accounts:check-draft'](draft({ secret: 'ABC1', digits: '3' }));
    expect(Object.keys(check.errors).sort()).toEqual(['digits', 'secret']);
    expect(check.preview).toBeNull();
  });
});

describe('clipboard:copy-code', () => {
  it('copies the current code and reports the clearing delay from settings', async () => {
    const a = await services.handlers['accounts:add'](draft(), { allowDuplicate: false });
    await services.handlers['settings:set']({ clearClipboardSeconds: 0 });
    expect(await services.handlers['clipboard:copy-code'](a.id)).toEqual({
      code: '07081804',
      clearAfterSeconds: 0,
    });
    expect(clipboard.read()).toBe('07081804');
  });
});

describe('settings', () => {
  it('defaults to 30 s, persists a change atomically and survives a restart', async () => {
    expect(await services.handlers['settings:get']()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.clearClipboardSeconds).toBe(30);
    await services.handlers['settings:set']({ clearClipboardSeconds: 45 });
    expect(JSON.parse(await readFile(join(home, 'settings.json'), 'utf8'))).toEqual({
      ...DEFAULT_SETTINGS,
      clearClipboardSeconds: 45,
    });
    expect((await readdir(home)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await createAppServices({ home, secrets, clipboard, watch: false });
    expect(await again.handlers['settings:get']()).toEqual({
      ...DEFAULT_SETTINGS,
      clearClipboardSeconds: 45,
    });
    await again.close();
  });

  it.each([
    [{ clearClipboardSeconds: -1 }],
    [{ clearClipboardSeconds: 1.5 }],
    [{ clearClipboardSeconds: '30' }],
    [{ theme: 'dark' }],
    [{ clockServer: 'ntp://time.example' }],
    [{ clockServer: 'time.example:0' }],
    [{ useCorrectedTime: 'yes' }],
    [{ autoLockMinutes: 1441 }],
    [{ autoLockMinutes: 2.5 }],
    [{ touchIdUnlock: 1 }],
  ])('rejects %j', async (patch) => {
    const reply = await services.invoke('settings:set', patch as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('falls back to defaults for a damaged file', async () => {
    await writeFile(join(home, 'settings.json'), '{ not json');
    expect(await services.handlers['settings:get']()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('vault status', () => {
  it('reports a locked keychain, keeps accounts listed, and recovers on retry', async () => {
    const a = await services.handlers['accounts:add'](draft(), { allowDuplicate: false });
    secrets.mode = 'locked';
    expect(await services.handlers['vault:status']()).toMatchObject({
      ok: false,
      error: { code: 'keychain-locked' },
    });
    const codes = await services.handlers['accounts:codes']();
    expect(codes.codes).toEqual([]);
    expect(codes.unavailable).toMatchObject([{ id: a.id, error: { code: 'keychain-locked' } }]);
    expect((await services.handlers['accounts:list']()).map((x) => x.id)).toEqual([a.id]);
    secrets.mode = 'ok';
    expect(await services.handlers['vault:retry']()).toEqual({ ok: true, recovered: [] });
  });

  it('starts even when opening fails, and opens on retry', async () => {
    let fail = true;
    const s = await createAppServices({
      home,
      secrets,
      clipboard,
      watch: false,
      openVault: async () => {
        if (fail) throw new KeyfobError('keychain-unavailable', 'No keychain here.');
        return Vault.open({ home, secrets });
      },
    });
    expect(await s.invoke('vault:status')).toEqual({
      ok: true,
      value: { ok: false, error: { code: 'keychain-unavailable', message: 'No keychain here.' } },
    });
    expect(await s.invoke('accounts:list')).toMatchObject({
      ok: false,
      error: { code: 'keychain-unavailable' },
    });
    fail = false;
    expect(await s.handlers['vault:retry']()).toEqual({ ok: true, recovered: [] });
    expect(await s.handlers['accounts:list']()).toEqual([]);
  });

  it('hides the text of unexpected errors', async () => {
    const s = await createAppServices({
      home,
      secrets,
      clipboard,
      watch: false,
      openVault: async () => {
        throw new Error('JBSWY3DPEHPK3PXP leaked?');
      },
    });
    const status = await s.handlers['vault:status']();
    expect(status).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(status)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
