import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings-fields';
import type { Settings } from '../../shared/ipc/shapes';
import { DAMAGED_SETTINGS_FILE, SETTINGS_FILE, settingsStore } from './settings-store';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-settings-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const write = (text: string) => writeFile(join(home, SETTINGS_FILE), text);

describe('reading settings.json', () => {
  it.each([
    ['no file', null, {}, null],
    [
      'an older file with fewer settings',
      '{"clearClipboardSeconds": 45}',
      { clearClipboardSeconds: 45 },
      null,
    ],
    [
      'every setting valid',
      JSON.stringify({ ...DEFAULT_SETTINGS, blurCodes: true }),
      { blurCodes: true },
      null,
    ],
    ['unknown settings (ignored)', '{"theme": "dark"}', {}, null],
    ['not JSON', '{ not json', {}, /settings file is damaged, so Keyfob uses its default settings/],
    ['JSON but not an object', '[1, 2]', {}, /settings file is damaged/],
    ['an empty file', '', {}, /settings file is damaged/],
    [
      'two invalid values',
      '{"clearClipboardSeconds": -4, "shortcut": "K", "blurCodes": true}',
      { blurCodes: true },
      /^Some settings were invalid \(clipboard clearing, shortcut\), so Keyfob uses their defaults\. Check them in Settings\.$/,
    ],
    [
      'a time server written another way (kept as main writes it)',
      '{"clockServer": " Time.Example:123 ", "autoLockMinutes": 0}',
      { clockServer: 'time.example', autoLockMinutes: 0 },
      null,
    ],
    [
      'an invalid time server and auto-lock time',
      '{"clockServer": "ntp://time.example", "autoLockMinutes": 2.5, "useCorrectedTime": true}',
      { useCorrectedTime: true },
      /^Some settings were invalid \(time server, auto-lock\), so Keyfob uses their defaults\./,
    ],
    [
      'eleven pins',
      JSON.stringify({ pinned: Array.from({ length: 11 }, (_, i) => `id${i}`) }),
      {},
      /pinned accounts/,
    ],
  ])('%s', async (_name, text, differs, notice) => {
    if (text !== null) await write(text);
    const store = settingsStore(home);
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, ...differs });
    const said = await store.notice();
    if (notice === null) expect(said).toBeNull();
    else expect(said).toMatch(notice);
  });
});

describe('saving', () => {
  it('keeps a damaged file beside the new one, and the notice ends', async () => {
    await write('{ half a file');
    const store = settingsStore(home);
    expect(await store.set({})).toEqual(DEFAULT_SETTINGS);
    expect(await readFile(join(home, DAMAGED_SETTINGS_FILE), 'utf8')).toBe('{ half a file');
    expect(JSON.parse(await readFile(join(home, SETTINGS_FILE), 'utf8'))).toEqual(DEFAULT_SETTINGS);
    expect(await store.notice()).toBeNull();
    expect((await readdir(home)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs one change at a time, each on the result of the one before', async () => {
    const store = settingsStore(home);
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) => store.update(({ pinned }) => ({ pinned: [...pinned, id] }))),
    );
    expect((await store.get()).pinned).toEqual(['a', 'b', 'c', 'd']);
  });

  it('tells listeners the new and the previous settings; a change of nothing writes nothing', async () => {
    const store = settingsStore(home);
    const seen: Array<[Partial<Settings>, Partial<Settings>]> = [];
    const off = store.onChange((next, before) =>
      seen.push([{ blurCodes: next.blurCodes }, { blurCodes: before.blurCodes }]),
    );
    await store.set({ blurCodes: true });
    await store.update(() => null);
    off();
    await store.set({ blurCodes: false });
    expect(seen).toEqual([[{ blurCodes: true }, { blurCodes: false }]]);
  });

  it('a failed change leaves the file as it was and the next change still runs', async () => {
    const store = settingsStore(home);
    await store.set({ clearClipboardSeconds: 10 });
    await expect(
      store.update(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.set({ blurCodes: true })).toMatchObject({
      clearClipboardSeconds: 10,
      blurCodes: true,
    });
  });
});
