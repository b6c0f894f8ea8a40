import { expect, test } from '@playwright/test';
import { IPC_NAMES } from '../shared/ipc/channels';
import { launchApp, type LaunchedApp } from './harness';
import { EMPTY_DRAFT } from '../shared/ipc/shapes';

// Smoke test of the harness itself: the built renderer is served with the app's CSP, and
// `window.keyfob` reaches the real main-process services over a real keyring.
const NOW = Date.UTC(2005, 2, 18, 1, 58, 29); // 1111111109 s: an RFC 6238 Appendix B instant

let app: LaunchedApp;
test.afterEach(async () => {
  await app?.close();
});

test('window.keyfob forwards every channel to main and errors cross as data', async () => {
  app = await launchApp({
    nowMs: NOW,
    accounts: [{ issuer: 'RFC', account: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', digits: '8' }],
  });
  const { page } = app;
  expect(
    await page.evaluate(() => Object.keys((globalThis as unknown as { keyfob: object }).keyfob).sort()),
  ).toEqual([...IPC_NAMES.channels, 'on'].sort());
  const list = await app.call('accounts:list');
  expect(list).toMatchObject({ ok: true, value: [{ issuer: 'RFC', account: 'b', counter: '0' }] });
  const codes = await app.call('accounts:codes');
  expect(codes).toMatchObject({
    ok: true,
    value: { atMs: NOW, codes: [{ code: '07081804', nextCode: '14050471' }] },
  });
  expect(await page.evaluate(() => Date.now())).toBe(NOW);
  const missing = await app.call('accounts:remove', 'no-such-id');
  expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(app.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test("window.keyfob is built by the app's own preload, with main's argument checks behind it", async () => {
  app = await launchApp();
  const seen = await app.page.evaluate(async () => {
    interface Keyfob {
      'accounts:remove': (...a: unknown[]) => Promise<unknown>;
      on(event: string, listener: (...a: unknown[]) => void): () => void;
    }
    const w = globalThis as unknown as { keyfob: Keyfob; __keyfobEmit(e: string, a: unknown[]): void };
    const events: unknown[][] = [];
    let unknownEvent = '';
    try {
      w.keyfob.on('accounts:steal', () => undefined);
    } catch (error) {
      unknownEvent = (error as Error).message;
    }
    const off = w.keyfob.on('vault:changed', (...args) => events.push(args));
    // Pushed as Electron delivers it (an event object first); the preload passes on the arguments only.
    w.__keyfobEmit('vault:changed', ['x']);
    off();
    w.__keyfobEmit('vault:changed', ['y']);
    return { unknownEvent, events, malformed: await w.keyfob['accounts:remove'](42) };
  });
  expect(seen).toEqual({
    unknownEvent: 'Unknown Keyfob event "accounts:steal".',
    events: [['x']],
    malformed: {
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Refused a malformed accounts:remove request (argument 1): expected an account id.',
      },
    },
  });
});

test('copying goes through the observable clipboard and is wiped after the delay', async () => {
  app = await launchApp({
    nowMs: NOW,
    settings: { clearClipboardSeconds: 1 },
    accounts: [{ issuer: 'RFC', account: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }],
  });
  const [account] = await app.services.handlers['accounts:list']();
  const reply = await app.call('clipboard:copy-code', account?.id ?? '');
  expect(reply).toEqual({ ok: true, value: { code: '081804', clearAfterSeconds: 1 } });
  expect(app.clipboard.read()).toBe('081804');
  await expect.poll(() => app.clipboard.read(), { timeout: 3_000 }).toBe('');
  expect(app.clipboard.writes).toEqual(['081804', '']);
});

test('vault:changed reaches the page when another process edits the vault; relaunch keeps data', async () => {
  app = await launchApp();
  await app.page.evaluate(() => {
    const w = globalThis as unknown as { changes: number; keyfob: { on(e: string, l: () => void): void } };
    w.changes = 0;
    w.keyfob.on('vault:changed', () => (w.changes += 1));
  });
  // A second services instance on the same folder and keychain plays "the CLI".
  const { createAppServices } = await import('../electron/services/app-services');
  const { keytarSecretStore } = await import('../electron/vault');
  const { recordingClipboard } = await import('../test-support/adapters/recording-clipboard');
  const cli = await createAppServices({
    home: app.home,
    secrets: keytarSecretStore(app.service),
    clipboard: recordingClipboard(),
    watch: false,
  });
  await cli.handlers['accounts:add'](
    { ...EMPTY_DRAFT, issuer: 'CLI', account: 'x', secret: 'JBSWY3DPEHPK3PXP' },
    { allowDuplicate: false },
  );
  await cli.close();
  await expect
    .poll(() => app.page.evaluate(() => (globalThis as unknown as { changes: number }).changes))
    .toBe(1);
  await app.relaunch();
  const list = await app.call('accounts:list');
  expect(list).toMatchObject({ ok: true, value: [{ issuer: 'CLI' }] });
});

test('a locked keychain shows in vault:status without losing accounts', async () => {
  app = await launchApp({ accounts: [{ issuer: 'Kept', account: 'k', secret: 'JBSWY3DPEHPK3PXP' }] });
  await app.lockKeychain();
  const status = await app.call('vault:status');
  expect(status).toMatchObject({ ok: true, value: { ok: false, error: { code: 'keychain-locked' } } });
  expect(await app.call('accounts:list')).toMatchObject({ value: [{ issuer: 'Kept' }] });
  const codes = await app.call('accounts:codes');
  expect(codes).toMatchObject({
    ok: true,
    value: { codes: [], unavailable: [{ error: { code: 'keychain-locked' } }] },
  });
  await app.unlockKeychain();
  expect(await app.call('vault:retry')).toEqual({ ok: true, value: { ok: true, recovered: [] } });
  expect(await app.call('accounts:codes')).toMatchObject({
    ok: true,
    value: { codes: [{ code: expect.any(String) }] },
  });
});

test('the clock moves main and the page together (fixed, then flowing)', async () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  app = await launchApp({ nowMs: NOW, accounts: [{ issuer: 'RFC', account: 'b', secret, digits: '8' }] });
  await app.advance(2_000); // 1111111111 s: the next RFC 6238 vector
  expect(await app.call('accounts:codes')).toMatchObject({ value: { codes: [{ code: '14050471' }] } });
  expect(await app.page.evaluate(() => Date.now())).toBe(NOW + 2_000);
  await app.setNow(1_234_567_890_000);
  expect(await app.call('accounts:codes')).toMatchObject({ value: { codes: [{ code: '89005924' }] } });
  await app.close();

  app = await launchApp({ nowMs: NOW, clock: 'flowing' });
  const first = await app.page.evaluate(() => Date.now());
  await app.page.waitForTimeout(300);
  const second = await app.page.evaluate(() => Date.now());
  expect(first).toBeGreaterThanOrEqual(NOW);
  expect(second).toBeGreaterThan(first);
  expect(Math.abs(app.now() - second)).toBeLessThan(1_000);
});

test('the app cannot be framed, and calls from a frame are refused', async () => {
  app = await launchApp();
  await app.page.evaluate(async () => {
    const doc = (
      globalThis as unknown as { document: { createElement(t: string): { src: string; onload: unknown } } }
    ).document;
    const frame = doc.createElement('iframe');
    await new Promise((resolve) => {
      frame.onload = resolve;
      frame.src = '/index.html';
      (doc as unknown as { body: { append(n: unknown): void } }).body.append(frame);
    });
  });
  const child = app.page.frames().find((f) => f !== app.page.mainFrame());
  // frame-ancestors 'none' keeps the app out of any frame, its own page included.
  expect(child?.url()).toMatch(/^chrome-error:/);
  const reply = await child?.evaluate(() =>
    (globalThis as unknown as { keyfob: { 'accounts:list': () => Promise<unknown> } }).keyfob[
      'accounts:list'
    ](),
  );
  expect(reply).toEqual({
    ok: false,
    error: { code: 'internal', message: 'Rejected a request from an unknown window.' },
  });
});
