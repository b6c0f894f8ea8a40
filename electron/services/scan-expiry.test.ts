import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKeyUri } from '../core';
import { formatMigrationUris } from '../formats/google-migration/writer';
import { createAppServices } from './app-services';
import { SEED_HOLD_MS } from './seed-hold';
import { manualTimers } from '../../test-support/services/manual-timers';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';
import { defined } from '../../test-support/defined';

// Seeds a scan brought into main wait there for the user's decision at most 5 minutes: a clock
// check on each use, and a timer for when nobody asks again (both driven by hand here).
const RFC_URI = 'otpauth://totp/RFC:appendix-b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=RFC&digits=8';
const T = 1_111_111_109_000;
const OTHER_URI = 'otpauth://hotp/Site:me?secret=JBSWY3DPEHPK3PXP&issuer=Site&counter=5';

let home: string;
let secrets: MemorySecretStore;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-scan-hold-'));
  secrets = memorySecretStore();
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('seeds wait at most 5 minutes', () => {
  const transfer = () =>
    formatMigrationUris(
      Array.from({ length: 12 }, (_, i) => parseKeyUri(OTHER_URI.replace('me', `me${i}`))),
      11,
    );

  async function clocked() {
    let now = T;
    const holdTimers = manualTimers();
    const s = await createAppServices({
      home,
      secrets,
      now: () => now,
      clipboard: recordingClipboard(),
      watch: false,
      holdTimers,
    });
    return { s, holdTimers, advance: (ms: number) => void (now += ms) };
  }

  it.each([
    ['just under 5 minutes', SEED_HOLD_MS - 1, true],
    ['5 minutes', SEED_HOLD_MS, false],
  ])('a pending key after %s: kept = %s', async (_name, wait, kept) => {
    const { s, advance } = await clocked();
    try {
      await s.handlers['scan:submit'](RFC_URI);
      advance(wait);
      expect((await s.handlers['scan:pending']()) !== null).toBe(kept);
      if (kept) expect((await s.handlers['scan:save'](['add'])).added).toHaveLength(1);
      else
        await expect(s.handlers['scan:save'](['add'])).rejects.toThrow(
          /^The scanned code was forgotten after 5 minutes, so that its key does not stay in memory\. Scan it again\.$/,
        );
    } finally {
      await s.close();
    }
  });

  it('the timer forgets a pending key and a half-collected transfer even if nobody asks', async () => {
    const { s, holdTimers } = await clocked();
    try {
      const [first, second] = transfer();
      await s.handlers['scan:submit'](defined(second));
      await s.handlers['scan:submit'](RFC_URI);
      expect(holdTimers.pending()).toEqual([SEED_HOLD_MS]);
      holdTimers.fireAll();
      expect(await s.handlers['scan:pending']()).toBeNull();
      // The transfer starts over: the first code is 1 of 2 again, not the last one missing.
      expect(await s.handlers['scan:submit'](defined(first))).toMatchObject({
        progress: { scanned: 1, complete: false },
      });
    } finally {
      await s.close();
    }
  });

  it('a new key restarts the clock; a transfer keeps the time of its first code', async () => {
    const { s, advance } = await clocked();
    try {
      await s.handlers['scan:submit'](RFC_URI);
      advance(SEED_HOLD_MS - 1000);
      await s.handlers['scan:submit'](OTHER_URI); // replaces the pending key: a fresh 5 minutes
      advance(2000);
      expect(await s.handlers['scan:pending']()).not.toBeNull();

      await s.handlers['scan:reset']();
      const [first, second] = transfer();
      await s.handlers['scan:submit'](defined(first));
      advance(SEED_HOLD_MS);
      // The first code's seeds are 5 minutes old: forgotten, so the second code starts a new transfer.
      expect(await s.handlers['scan:submit'](defined(second))).toMatchObject({
        progress: { scanned: 1, complete: false },
      });
    } finally {
      await s.close();
    }
  });

  it('saving or resetting stops the timer', async () => {
    const { s, holdTimers } = await clocked();
    try {
      await s.handlers['scan:submit'](RFC_URI);
      await s.handlers['scan:save'](['add']);
      expect(holdTimers.pending()).toEqual([]);
      await s.handlers['scan:submit'](OTHER_URI);
      await s.handlers['scan:reset']();
      expect(holdTimers.pending()).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
