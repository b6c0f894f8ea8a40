import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../shared/ipc/shapes';
import { createAppServices, type AppServices } from './app-services';
import { bulkTokens } from '../formats/testdata/bulk';
import { writeKeyfobList } from '../formats/testdata/key-uris';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { scriptedDialogs, type ScriptedDialogs } from '../../test-support/adapters/scripted-dialogs';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';
import { defined } from '../../test-support/defined';

// The app's Import… save, followed and stopped through the channel table: progress events while it
// saves, `backup:import-stop` ending it after the account being written, the summary saying so.

let home: string;
let dialogs: ScriptedDialogs;
let secrets: MemorySecretStore;
let services: AppServices;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-import-stop-'));
  dialogs = scriptedDialogs();
  secrets = memorySecretStore();
  services = await createAppServices({
    home,
    secrets,
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

/** Opens and reads a list of `count` new accounts; returns the session and one 'keep-both' per entry. */
async function openList(count: number) {
  const file = join(home, 'accounts.txt');
  await writeFile(file, writeKeyfobList(bulkTokens(count)));
  dialogs.nextOpen(file);
  const { sessionId } = defined(await ok(services.invoke('backup:import-open')));
  const entries = await ok(services.invoke('backup:import-read', sessionId, null, null));
  return { sessionId, choices: entries.map(() => 'keep-both' as const) };
}

describe('following and stopping an import', () => {
  it('progress goes from 0 to every entry, per saved slice, for this session only', async () => {
    const { sessionId, choices } = await openList(150);
    const seen: ImportProgress[] = [];
    services.on('backup:import-progress', (p) => seen.push(p));
    const summary = await ok(services.invoke('backup:import-commit', sessionId, choices));
    expect(summary).toMatchObject({ added: 150, stopped: false });
    expect(seen[0]).toEqual({ sessionId, done: 0, total: 150 });
    expect(seen.at(-1)).toEqual({ sessionId, done: 150, total: 150 });
    // Slices, not one event per account: the first slice is 10 accounts.
    expect(seen[1]?.done).toBe(10);
    expect(seen.length).toBeLessThan(20);
  });

  it('a stop during the save ends it after the account being written; what is saved is listed', async () => {
    const { sessionId, choices } = await openList(150);
    services.on('backup:import-progress', (p) => {
      if (p.done >= 10) void services.handlers['backup:import-stop'](sessionId);
    });
    const summary = await ok(services.invoke('backup:import-commit', sessionId, choices));
    expect(summary).toMatchObject({ added: 10, stopped: true, failed: [] });
    const listed = await ok(services.invoke('accounts:list'));
    expect(listed).toHaveLength(10);
    expect([...secrets.items.keys()].sort()).toEqual(listed.map((a) => a.id).sort());
    // The session ended with the stop: the rest is imported by opening the file again.
    const again = await services.invoke('backup:import-commit', sessionId, choices);
    expect(again.ok ? null : again.error.message).toMatch(/This import was closed/);
    const next = await openList(150);
    const entries = await ok(services.invoke('backup:import-read', next.sessionId, null, null));
    expect(entries.filter((e) => e.status === 'duplicate')).toHaveLength(10);
  });

  it.each([
    ['no save in progress', 'backup:import-stop'],
    ['a cancel while nothing saves', 'backup:import-cancel'],
  ] as const)('%s: stopping is harmless', async (_, channel) => {
    const { sessionId } = await openList(3);
    expect(await ok(services.invoke(channel, sessionId))).toBeNull();
    expect(await ok(services.invoke(channel, 'unknown'))).toBeNull();
  });
});
