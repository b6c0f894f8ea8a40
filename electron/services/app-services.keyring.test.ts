import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type ManualDraft } from '../../shared/ipc/shapes';
import { keytarSecretStore } from '../vault';
import {
  deleteService,
  lockKeyring,
  requirePrivateKeyring,
  uniqueService,
  unlockKeyring,
} from '../../test-support/vault/keyring';
import { createAppServices, type AppServices } from './app-services';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';

// The services over the real keyring (run inside scripts/with-keyring.mjs), checked against oathtool.
const AT_S = 2_000_000_000;
const service = uniqueService('app-services');
let home: string;
let app: AppServices;

const oathtool = (args: string[]): string => execFileSync('oathtool', args, { encoding: 'utf8' }).trim();

const draft = (patch: Partial<ManualDraft>): ManualDraft => ({
  ...EMPTY_DRAFT,
  issuer: 'Oath',
  account: 'tool',
  secret: 'JBSWY3DPEHPK3PXP',
  ...patch,
});

beforeAll(async () => {
  requirePrivateKeyring();
  home = await mkdtemp(join(tmpdir(), 'keyfob-services-keyring-'));
  app = await createAppServices({
    home,
    secrets: keytarSecretStore(service),
    now: () => AT_S * 1000,
    clipboard: recordingClipboard(),
    watch: false,
  });
});
afterAll(async () => {
  await app?.close();
  await deleteService(service);
  await rm(home, { recursive: true, force: true });
});

describe('codes equal oathtool at a fixed clock', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  it.each([
    [
      'SHA1 6 digits 30 s',
      { algorithm: 'SHA1' as const, digits: '6', period: '30' },
      ['--totp=sha1', '-d', '6', '-s', '30'],
    ],
    [
      'SHA256 8 digits 60 s',
      { algorithm: 'SHA256' as const, digits: '8', period: '60' },
      ['--totp=sha256', '-d', '8', '-s', '60'],
    ],
    [
      'SHA512 7 digits 15 s',
      { algorithm: 'SHA512' as const, digits: '7', period: '15' },
      ['--totp=sha512', '-d', '7', '-s', '15'],
    ],
  ])('%s', async (name, patch, args) => {
    const added = await app.handlers['accounts:add'](draft({ ...patch, account: name, secret }), {
      allowDuplicate: false,
    });
    const { codes } = await app.handlers['accounts:codes']([added.id]);
    const period = Number(patch.period);
    const now = oathtool(['-b', ...args, `--now=@${AT_S}`, secret]);
    const next = oathtool(['-b', ...args, `--now=@${(Math.floor(AT_S / period) + 1) * period}`, secret]);
    expect(codes).toEqual([expect.objectContaining({ id: added.id, code: now, nextCode: next })]);
  });

  it('HOTP takes codes in oathtool order and keeps the counter across a reopen', async () => {
    const h = await app.handlers['accounts:add'](draft({ type: 'hotp', account: 'hotp', counter: '5' }), {
      allowDuplicate: false,
    });
    const taken = [
      await app.handlers['accounts:hotp-next'](h.id),
      await app.handlers['accounts:hotp-next'](h.id),
    ];
    expect(taken.map((s) => s.code)).toEqual(
      oathtool(['-b', '--hotp', '-c', '5', '-w', '1', 'JBSWY3DPEHPK3PXP']).split('\n'),
    );
    const reopened = await createAppServices({
      home,
      secrets: keytarSecretStore(service),
      clipboard: recordingClipboard(),
      watch: false,
    });
    expect((await reopened.handlers['accounts:list']()).find((a) => a.id === h.id)?.counter).toBe('7');
    await reopened.close();
  });
});

describe('a locked keyring', () => {
  it('is reported by vault:status, keeps every account listed, and clears on retry', async () => {
    const before = await app.handlers['accounts:list']();
    lockKeyring();
    try {
      expect(await app.handlers['vault:status']()).toMatchObject({
        ok: false,
        error: { code: 'keychain-locked' },
      });
      const codes = await app.handlers['accounts:codes']();
      expect(codes.codes).toEqual([]);
      expect(codes.unavailable.map((u) => u.error.code)).toEqual(before.map(() => 'keychain-locked'));
      expect(await app.invoke('clipboard:copy-code', before[0]?.id ?? '')).toMatchObject({
        ok: false,
        error: { code: 'keychain-locked' },
      });
      expect(await app.handlers['accounts:list']()).toEqual(before);
    } finally {
      await unlockKeyring();
    }
    expect(await app.handlers['vault:retry']()).toEqual({ ok: true, recovered: [] });
    expect((await app.handlers['accounts:codes']()).codes).toHaveLength(before.length);
  });
});
