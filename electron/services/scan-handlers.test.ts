import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKeyUri } from '../core';
import { base64Encode } from '@bufbuild/protobuf/wire';
import { formatMigrationUris } from '../formats/google-migration/writer';
import { encodeMigrationPayload } from '../formats/google-migration/payload';
import { createAppServices, type AppServices } from './app-services';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';
import { defined } from '../../test-support/defined';

// RFC 6238 Appendix B: SHA-1 seed "12345678901234567890", 8-digit code 07081804 at T.
const RFC_URI = 'otpauth://totp/RFC:appendix-b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=RFC&digits=8';
const T = 1_111_111_109_000;
const OTHER_URI = 'otpauth://hotp/Site:me?secret=JBSWY3DPEHPK3PXP&issuer=Site&counter=5';

let home: string;
let secrets: MemorySecretStore;
let services: AppServices;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-scan-'));
  secrets = memorySecretStore();
  services = await createAppServices({
    home,
    secrets,
    now: () => T,
    clipboard: recordingClipboard(),
    watch: false,
  });
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

const h = () => services.handlers;

const previewOf = async (text: string) => {
  const step = await h()['scan:submit'](text);
  if (step.kind !== 'preview') throw new Error(`expected a preview, got ${JSON.stringify(step)}`);
  return step.preview;
};

describe('scan:submit', () => {
  it('shows parameters and the code computed in main, never the seed', async () => {
    const preview = await previewOf(RFC_URI);
    expect(preview.entries).toMatchObject([
      {
        issuer: 'RFC',
        account: 'appendix-b',
        type: 'totp',
        digits: 8,
        period: 30,
        code: { code: '07081804' },
      },
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/GEZDGNBV|secret/i);
    // A second key replaces the pending one.
    expect((await previewOf(OTHER_URI)).entries).toMatchObject([
      { issuer: 'Site', type: 'hotp', counter: '5' },
    ]);
    expect((await h()['scan:pending']())?.entries).toHaveLength(1);
  });

  it.each([
    [
      'a web link',
      'https://example.com/login',
      /holds a link, not an authenticator key\. Nothing was added\./,
    ],
    ['plain text', 'hello', /plain text/],
    ['an invalid key', 'otpauth://totp/x?secret=1*', /looks like a key but is not valid/],
  ])('says what %s held and keeps nothing', async (_, text, message) => {
    expect(await h()['scan:submit'](text)).toMatchObject({
      kind: 'other',
      message: expect.stringMatching(message),
    });
    expect(await h()['scan:pending']()).toBeNull();
  });

  it.each([
    ['not text', 42],
    ['empty text', '  '],
    ['too long', `otpauth://totp/x?secret=${'A'.repeat(20_000)}`],
  ])('refuses %s before the handler', async (_, text) => {
    expect(await services.invoke('scan:submit', text as string)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('collects a transfer in any order, refuses another export, and previews only once complete', async () => {
    const tokens = Array.from({ length: 25 }, (_, i) =>
      parseKeyUri(`${OTHER_URI}&n=${i}`.replace('me', `me${i}`)),
    );
    const [c1, c2, c3] = formatMigrationUris(tokens, 99);
    const [foreign] = formatMigrationUris(tokens.slice(0, 3), 100);
    expect(await h()['scan:submit'](defined(c2))).toMatchObject({
      kind: 'transfer',
      progress: {
        status: 'added',
        scanned: 1,
        total: 3,
        complete: false,
        message: expect.stringMatching(/1 of 3/),
      },
    });
    expect(await h()['scan:submit'](defined(foreign))).toMatchObject({
      kind: 'transfer',
      progress: { status: 'refused' },
    });
    expect(await h()['scan:submit'](defined(c2))).toMatchObject({
      progress: { status: 'duplicate', scanned: 1 },
    });
    expect(await h()['scan:submit'](defined(c3))).toMatchObject({ progress: { scanned: 2 } });
    expect(await h()['scan:pending']()).toBeNull();
    const preview = await previewOf(defined(c1));
    expect(preview.entries.map((e) => e.account)).toEqual(tokens.map((t) => t.account));
    const saved = await h()['scan:save'](preview.entries.map(() => 'add'));
    expect(saved.added).toHaveLength(25);
    expect(await h()['accounts:list']()).toHaveLength(25);
  });

  it('lists ten unusable accounts of a transfer, then how many more', async () => {
    const otp = (i: number, algorithm: number) => ({
      secret: Uint8Array.from({ length: 10 }, (_, j) => i + j),
      name: `user${i}`,
      issuer: 'Old',
      algorithm,
      digits: 1,
      type: 2,
      counter: 0n,
    });
    const payload = encodeMigrationPayload({
      otpParameters: [otp(0, 1), ...Array.from({ length: 30 }, (_, i) => otp(i + 1, 4))], // 4 = MD5
      version: 1,
      batchSize: 1,
      batchIndex: 0,
      batchId: 5,
    });
    const preview = await previewOf(
      `otpauth-migration://offline?data=${encodeURIComponent(base64Encode(payload))}`,
    );
    expect(preview.entries).toHaveLength(1);
    expect(preview.problems).toHaveLength(11);
    expect(preview.problems[0]).toMatch(/^transfer code entry 2: 'Old' uses MD5/);
    expect(preview.problems[10]).toBe('…and 20 more accounts that cannot be imported.');
  });

  it('an empty export adds nothing, without an error', async () => {
    const [empty] = formatMigrationUris([], 5);
    expect(await h()['scan:submit'](defined(empty))).toMatchObject({
      kind: 'transfer',
      progress: { complete: true, message: 'This export holds no accounts.' },
    });
    expect(await h()['scan:pending']()).toBeNull();
  });

  it('scan:reset forgets the pending key and a half-collected transfer', async () => {
    const tokens = Array.from({ length: 12 }, (_, i) => parseKeyUri(`${OTHER_URI}`.replace('me', `me${i}`)));
    const [, second] = formatMigrationUris(tokens, 7);
    await h()['scan:submit'](defined(second));
    await previewOf(RFC_URI);
    await h()['scan:reset']();
    expect(await h()['scan:pending']()).toBeNull();
    expect(await h()['scan:submit'](defined(second))).toMatchObject({
      progress: { status: 'added', scanned: 1 },
    });
  });
});

describe('scan:pending', () => {
  it('recomputes the codes at the current time', async () => {
    let now = T;
    const s = await createAppServices({
      home,
      secrets,
      now: () => now,
      clipboard: recordingClipboard(),
      watch: false,
    });
    try {
      await s.handlers['scan:submit'](RFC_URI);
      await s.handlers['scan:save'](['add']);
      await s.handlers['scan:submit'](RFC_URI); // now a duplicate: its check read the keychain
      secrets.calls.length = 0;
      now = 1_111_111_111_000; // RFC 6238 row: 14050471 (SHA-1, 8 digits) at T = 1111111111
      const refreshed = await s.handlers['scan:pending']();
      expect(refreshed?.entries[0]?.code.code).toBe('14050471');
      expect(refreshed?.entries[0]?.duplicateOf).not.toBeNull();
      expect(secrets.calls).toEqual([]); // a once-a-second refresh reads no keychain item
    } finally {
      await s.close();
    }
  });
});

describe('scan:save', () => {
  it.each([
    ['skip', 1, { added: 0, updated: 0, skipped: 1 }],
    ['update', 1, { added: 1, updated: 1, skipped: 0 }],
    ['keep-both', 2, { added: 1, updated: 0, skipped: 0 }],
  ] as const)('a duplicate with %s leaves %i account(s)', async (decision, count, outcome) => {
    await previewOf(RFC_URI);
    await h()['scan:save'](['add']);
    const before = await h()['accounts:list']();
    const preview = await previewOf(RFC_URI);
    expect(preview.entries[0]?.duplicateOf?.id).toBe(before[0]?.id);
    const result = await h()['scan:save']([decision]);
    expect({ added: result.added.length, updated: result.updated, skipped: result.skipped }).toEqual(outcome);
    const after = await h()['accounts:list']();
    expect(after).toHaveLength(count);
    if (decision === 'update') expect(after[0]?.id).toBe(before[0]?.id); // in place
    expect((await h()['accounts:codes']()).codes.every((c) => c.code === '07081804')).toBe(true);
  });

  it('refuses a decision list that does not match the entries, and saving twice', async () => {
    await previewOf(RFC_URI);
    await expect(h()['scan:save']([])).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await services.invoke('scan:save', ['maybe' as 'add'])).toMatchObject({
      error: { code: 'invalid-input' },
    });
    expect(await h()['accounts:list']()).toEqual([]);
    await h()['scan:save'](['add']);
    await expect(h()['scan:save'](['add'])).rejects.toThrow(/nothing scanned to save/);
    expect(await h()['accounts:list']()).toHaveLength(1);
  });
});

describe('scan:screens', () => {
  const nothing = { data: new Uint8ClampedArray(64 * 48 * 4).fill(200), width: 64, height: 48 };
  it.each([
    ['no capture adapter', undefined, 'Scanning the screen is not available here.'],
    [
      'macOS Screen Recording not granted',
      { permission: () => 'denied' as const, capture: () => Promise.reject(new Error('must not capture')) },
      /Privacy & Security → Screen Recording/,
    ],
    [
      'Wayland: the system picker was cancelled',
      { mode: 'system-picker' as const, permission: () => 'unknown' as const, capture: async () => [] },
      /No screen was shared, so nothing was scanned\. Click Screen again and choose the screen/,
    ],
    [
      'Wayland: the shared screen holds no code',
      {
        mode: 'system-picker' as const,
        permission: () => 'unknown' as const,
        capture: async () => [{ label: 'Screen', frame: nothing }],
      },
      'No QR code was found on the screen you shared.',
    ],
    [
      'a blank display',
      { permission: () => 'granted' as const, capture: async () => [{ label: 'Main', frame: nothing }] },
      'No QR code was found on your screen.',
    ],
  ])('%s: explains, captures nothing', async (_, capture, message) => {
    const s = await createAppServices({
      home,
      secrets,
      clipboard: recordingClipboard(),
      watch: false,
      screenCapture: capture,
    });
    try {
      const scan = await s.handlers['scan:screens']();
      expect(scan.step).toBeNull();
      expect(scan.message).toMatch(message);
    } finally {
      await s.close();
    }
  });
});
