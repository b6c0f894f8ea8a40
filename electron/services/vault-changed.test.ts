import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EMPTY_DRAFT, type ManualDraft } from '../../shared/ipc/shapes';
import { settingsStore } from './settings-store';
import { createAppServices, type AppServices } from './app-services';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { memorySecretStore } from '../../test-support/vault/memory-secret-store';

// The watch is real (fs.watch on a real folder); the keychain twin is enough since only the
// metadata file matters here.
const draft: ManualDraft = { ...EMPTY_DRAFT, issuer: 'Outside', account: 'cli', secret: 'JBSWY3DPEHPK3PXP' };
const secrets = memorySecretStore();
let home: string;
let app: AppServices;
let events: number;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-watch-'));
  app = await createAppServices({ home, secrets, clipboard: recordingClipboard() });
  events = 0;
  app.on('vault:changed', () => events++);
});
afterEach(async () => {
  await app.close();
  await rm(home, { recursive: true, force: true });
});

const quiet = () => new Promise((r) => setTimeout(r, 600));

it('fires once when another process changes the account list', async () => {
  const other = await createAppServices({ home, secrets, clipboard: recordingClipboard(), watch: false });
  await other.handlers['accounts:add'](draft, { allowDuplicate: false });
  await expect.poll(() => events, { timeout: 3000 }).toBe(1);
  await quiet();
  expect(events).toBe(1);
});

it('stays silent for its own writes and for settings', async () => {
  const added = await app.invoke('accounts:add', draft, { allowDuplicate: false });
  if (!added.ok) throw new Error(added.error.message);
  await app.invoke('accounts:rename', added.value.id, { issuer: 'Renamed', account: 'x' });
  await settingsStore(home).set({ clearClipboardSeconds: 10 });
  await quiet();
  expect(events).toBe(0);
});

it('stays silent while another process only takes, waits for or breaks the lock', async () => {
  for (const name of ['accounts.json.lock', 'accounts.json.lock.wait-0123abcd', 'accounts.json.lock.break']) {
    await writeFile(join(home, name), '{}');
    await rm(join(home, name));
  }
  await quiet();
  expect(events).toBe(0);
});
