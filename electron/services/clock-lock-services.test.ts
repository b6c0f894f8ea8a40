import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, IPC_NAMES, type Channel, type ChannelHandlers } from '../../shared/ipc/channels';
import { EMPTY_DRAFT, type ClockStatus, type LockStatus } from '../../shared/ipc/shapes';
import { fakePower, type FakePower } from '../../test-support/adapters/fake-power';
import { recordingClipboard, type RecordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';
import { generateCode, parseKeyUri } from '../core';
import type { SntpResult } from '../clock/sntp-client';
import { createAppServices, type AppServices } from './app-services';

// The clock and the lock as the window and the tray meet them: through the app's services.
const T = Date.UTC(2026, 2, 2, 9, 41, 10);
const SECRET = 'JBSWY3DPEHPK3PXP';
const TOKEN = parseKeyUri(`otpauth://totp/Site:me?secret=${SECRET}`);
const OFFSET = 134_000;

let home: string;
let services: AppServices;
let secrets: MemorySecretStore;
let power: FakePower;
let clipboard: RecordingClipboard;
let now: number;
let answer: SntpResult;
const asked: string[] = [];
const clockEvents: ClockStatus[] = [];
const lockEvents: LockStatus[] = [];

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-clock-lock-'));
  power = fakePower();
  clipboard = recordingClipboard();
  now = T;
  answer = { kind: 'measured', offsetMs: OFFSET, delayMs: 20 };
  asked.length = 0;
  clockEvents.length = 0;
  lockEvents.length = 0;
  secrets = memorySecretStore();
  services = await createAppServices({
    home,
    secrets,
    now: () => now,
    clipboard,
    watch: false,
    power,
    askTime: async ({ host, port }) => {
      asked.push(`${host}:${port}`);
      return answer;
    },
  });
  services.on('clock:changed', (status) => clockEvents.push(status));
  services.on('lock:changed', (status) => lockEvents.push(status));
  await services.handlers['accounts:add'](
    { ...EMPTY_DRAFT, issuer: 'Site', secret: SECRET },
    { allowDuplicate: false },
  );
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

/** Waits until the start-up question to the time server has been answered. */
async function measured(): Promise<ClockStatus> {
  await expect.poll(() => services.handlers['clock:status']().then((s) => s.measurement)).not.toBeNull();
  return services.handlers['clock:status']();
}

describe('corrected time', () => {
  it('asks the default server at start and reports the offset', async () => {
    expect(await measured()).toEqual({
      server: 'time.cloudflare.com',
      measurement: { offsetMs: OFFSET, delayMs: 20, atMs: T },
      corrected: false,
      refusedCode: null,
    });
    expect(asked).toEqual(['time.cloudflare.com:123']);
  });

  it('computes every code at the corrected time once chosen: list, copy, previews', async () => {
    await measured();
    const system = generateCode(TOKEN, T);
    const corrected = generateCode(TOKEN, T + OFFSET);
    expect(corrected.code).not.toBe(system.code);
    const [{ codes: before }] = [await services.handlers['accounts:codes']()];
    expect(before[0]?.code).toBe(system.code);

    await services.handlers['settings:set']({ useCorrectedTime: true });
    expect(clockEvents.at(-1)?.corrected).toBe(true);
    const { atMs, codes } = await services.handlers['accounts:codes']();
    expect(atMs).toBe(T);
    // The window is moved back onto this computer's clock, so the countdown runs on it.
    expect(codes[0]).toMatchObject({
      code: corrected.code,
      validFromMs: (corrected.validFromMs ?? 0) - OFFSET,
      validUntilMs: (corrected.validUntilMs ?? 0) - OFFSET,
    });
    const id = codes[0]?.id ?? '';
    expect(await services.handlers['clipboard:copy-code'](id)).toMatchObject({ code: corrected.code });
    const draft = await services.handlers['accounts:check-draft']({
      ...EMPTY_DRAFT,
      issuer: 'X',
      secret: SECRET,
    });
    expect(draft.preview?.code).toBe(corrected.code);
    const step = await services.handlers['scan:submit'](`otpauth://totp/New:me?secret=${SECRET}`);
    expect(step.kind === 'preview' && step.preview.entries[0]?.code.code).toBe(corrected.code);
  });

  it('asks a new server as soon as the setting names it, and again on resume', async () => {
    await measured();
    await services.handlers['settings:set']({ clockServer: '127.0.0.1:4123' });
    await expect.poll(() => asked).toEqual(['time.cloudflare.com:123', '127.0.0.1:4123']);
    power.emit('resume'); // within 15 s of the last question: it waits, never asks at once
    expect(asked).toHaveLength(2);
  });
});

describe('the lock', () => {
  const answered = (Object.keys(CHANNELS) as Channel[]).filter((c) => CHANNELS[c].locked === 'answer');
  const refused = IPC_NAMES.channels.filter((c) => !answered.includes(c));

  it('answers only the vault status and its own channels while locked', () => {
    expect(answered).toEqual([
      'vault:status',
      'vault:retry',
      'lock:status',
      'lock:unlock',
      'lock:unlock-touch-id',
      'lock:lock',
    ]);
  });

  it.each(refused)('refuses %s while locked, to the window and the tray alike', async (channel) => {
    await services.handlers['lock:set-password'](null, 'correct horse');
    services.lockNow();
    expect(services.isLocked()).toBe(true);
    const run = services.handlers[channel] as (...args: unknown[]) => ReturnType<ChannelHandlers[Channel]>;
    await expect(run()).rejects.toMatchObject({ code: 'app-locked' });
  });

  it('refuses codes off the wire, wipes a copied code on locking, and opens again with the password', async () => {
    const { codes } = await services.handlers['accounts:codes']();
    await services.handlers['clipboard:copy-code'](codes[0]?.id ?? '');
    expect(clipboard.read()).toMatch(/^\d{6}$/);
    await services.handlers['lock:set-password'](null, 'correct horse');
    expect(await services.invoke('lock:lock')).toMatchObject({ ok: true, value: { locked: true } });
    expect(lockEvents.at(-1)).toMatchObject({ enabled: true, locked: true });
    await expect.poll(() => clipboard.read()).toBe('');
    expect(await services.invoke('accounts:codes')).toEqual({
      ok: false,
      error: { code: 'app-locked', message: 'Keyfob is locked. Unlock it to see codes and keys.' },
    });
    expect(await services.invoke('lock:unlock', 'wrong')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'password' },
    });
    expect(await services.invoke('vault:status')).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await services.invoke('lock:unlock', 'correct horse')).toMatchObject({
      ok: true,
      value: { locked: false },
    });
    expect(await services.invoke('accounts:codes')).toMatchObject({ ok: true });
  });

  it('locks on suspend and after 5 idle minutes (the system and the window both idle)', async () => {
    await services.handlers['lock:set-password'](null, 'correct horse');
    power.emit('suspend');
    expect(services.isLocked()).toBe(true);
    await services.handlers['lock:unlock']('correct horse');

    power.setIdleSeconds(400);
    now += 200_000;
    await services.handlers['lock:activity']();
    now += 200_000;
    expect(await services.invoke('accounts:codes')).toMatchObject({ ok: true }); // the window was used 200 s ago
    now += 200_000;
    expect(await services.invoke('accounts:codes')).toMatchObject({
      ok: false,
      error: { code: 'app-locked' },
    });
  });

  it('starts locked when a password was set before', async () => {
    await services.handlers['lock:set-password'](null, 'correct horse');
    const again = await createAppServices({ home, secrets, clipboard, watch: false });
    expect(again.isLocked()).toBe(true);
    expect(await again.handlers['lock:status']()).toMatchObject({ enabled: true, locked: true });
    await again.close();
  });
});
