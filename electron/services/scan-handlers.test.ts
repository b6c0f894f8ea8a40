import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingClipboard } from '../adapters/clipboard';
import { parseKeyUri } from '../core';
import { formatMigrationUris } from '../import/google-migration-format';
import { memorySecretStore, type MemorySecretStore } from '../vault';
import { createAppServices, type AppServices } from './app-services';

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

describe('scan:preview', () => {
  it('shows parameters and the code computed in main, never the seed', async () => {
    const preview = await h()['scan:preview']([RFC_URI, OTHER_URI]);
    expect(preview.entries).toMatchObject([
      {
        issuer: 'RFC',
        account: 'appendix-b',
        type: 'totp',
        digits: 8,
        period: 30,
        code: { code: '07081804' },
      },
      { issuer: 'Site', type: 'hotp', counter: '5', duplicateOf: null },
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/GEZDGNBV|JBSWY3DP|secret/i);
  });

  it.each([
    ['no codes', []],
    ['not text', [42]],
    ['an invalid key', ['otpauth://totp/x?secret=1*']],
    ['keys mixed with a transfer', [RFC_URI, ...formatMigrationUris([parseKeyUri(RFC_URI)], 7)]],
  ])('refuses %s', async (_, texts) => {
    await expect(h()['scan:preview'](texts as string[])).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('accepts only a complete transfer, in any order', async () => {
    const tokens = Array.from({ length: 12 }, (_, i) =>
      parseKeyUri(`${OTHER_URI}&n=${i}`.replace('me', `me${i}`)),
    );
    const [first, second] = formatMigrationUris(tokens, 99);
    await expect(h()['scan:preview']([second!])).rejects.toThrow(/incomplete: 1 of 2 scanned — show code 1/);
    const preview = await h()['scan:preview']([second!, first!]);
    expect(preview.entries.map((e) => e.account)).toEqual(tokens.map((t) => t.account));
  });
});

describe('scan:save', () => {
  it.each([
    ['skip', 1, { added: 0, replaced: 0, skipped: 1 }],
    ['replace', 1, { added: 1, replaced: 1, skipped: 0 }],
    ['keep-both', 2, { added: 1, replaced: 0, skipped: 0 }],
  ] as const)('a duplicate with %s leaves %i account(s)', async (decision, count, outcome) => {
    await h()['scan:save']([RFC_URI], ['add']);
    const before = await h()['accounts:list']();
    const preview = await h()['scan:preview']([RFC_URI]);
    expect(preview.entries[0]?.duplicateOf?.id).toBe(before[0]?.id);
    const result = await h()['scan:save']([RFC_URI], [decision]);
    expect({ added: result.added.length, replaced: result.replaced, skipped: result.skipped }).toEqual(
      outcome,
    );
    expect(await h()['accounts:list']()).toHaveLength(count);
    expect((await h()['accounts:codes']()).codes.every((c) => c.code === '07081804')).toBe(true);
  });

  it('refuses a decision list that does not match the entries', async () => {
    await expect(h()['scan:save']([RFC_URI], [])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(h()['scan:save']([RFC_URI], ['maybe' as 'add'])).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(await h()['accounts:list']()).toEqual([]);
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
      expect(scan.found).toBeNull();
      expect(scan.message).toMatch(message);
    } finally {
      await s.close();
    }
  });
});
