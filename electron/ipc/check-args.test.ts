import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMPTY_DRAFT } from '../../shared/ipc/shapes';
import { IPC_NAMES, type ArgsOf, type Channel } from '../../shared/ipc/channels';
import { createAppServices, type AppServices } from '../services/app-services';
import { checkArgs, knownChannel } from './check-args';
import { answerIfTrusted } from './sender-check';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { memorySecretStore } from '../../test-support/vault/memory-secret-store';

const DRAFT = { ...EMPTY_DRAFT, issuer: 'Site', secret: 'JBSWY3DPEHPK3PXP' };

/** Per channel: arguments its schemas accept, arguments they refuse, and what the refusal says. */
const SAMPLES: { [C in Channel]: [valid: ArgsOf<C>, invalid: unknown, problem: RegExp] } = {
  'vault:status': [
    [],
    ['extra'],
    /^Refused a malformed vault:status request \(argument 1\): expected 0 arguments\.$/,
  ],
  'vault:retry': [[], 'not a list', /expected 0 arguments/],
  'accounts:list': [[], [undefined], /expected 0 arguments/],
  'accounts:codes': [[['a', 'b']], [['a', 'a']], /\(argument 1\): an account id appears twice/],
  'accounts:check-draft': [[DRAFT], [{ ...DRAFT, digits: 6 }], /\(argument 1\)/],
  'accounts:add': [[DRAFT, { allowDuplicate: false }], [DRAFT], /\(argument 2\): expected add options/],
  'accounts:rename': [['a', { issuer: 'x', account: '' }], ['a', { issuer: 'x' }], /\(argument 2\)/],
  'accounts:remove': [['a'], [42], /\(argument 1\): expected an account id/],
  'accounts:reorder': [[['a', 'b']], [['a', '']], /\(argument 1\): expected an account id/],
  'accounts:hotp-next': [['a'], [''], /expected an account id/],
  'accounts:check-new-key': [['a', 'JBSWY3DPEHPK3PXP'], ['a', null], /\(argument 2\): expected the new key/],
  'accounts:replace-key': [
    ['a', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'],
    ['a', 'k', 'extra'],
    /expected 2 arguments/,
  ],
  'accounts:replace-key-with-draft': [['a', DRAFT], ['a', { ...DRAFT, type: 'x' }], /\(argument 2\)/],
  'accounts:restore-key': [['a'], [{ id: 'a' }], /expected an account id/],
  'accounts:show-qr': [['a'], ['x'.repeat(201)], /expected an account id/],
  'clipboard:copy-code': [['a'], [], /expected an account id/],
  'settings:get': [[], [{}], /expected 0 arguments/],
  'settings:set': [
    [{ clearClipboardSeconds: 0 }],
    [{ clearClipboardSeconds: 601 }],
    /from 0 \(never\) to 600/,
  ],
  'settings:pin': [['a', true], ['a', 'yes'], /\(argument 2\): expected pin or unpin/],
  'settings:status': [[], [{}], /expected 0 arguments/],
  'scan:submit': [['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'], [' \n '], /a scanned code is empty/],
  'scan:screens': [[], [1], /expected 0 arguments/],
  'scan:pending': [[], [null], /expected 0 arguments/],
  'scan:save': [[['add', 'keep-both', { replace: 'a' }]], [['add', 'maybe']], /"maybe"/],
  'scan:replace-key': [['a'], [{ replace: 'a' }], /expected an account id/],
  'scan:reset': [[], ['now'], /expected 0 arguments/],
  'scan:opened': [[], ['link'], /expected 0 arguments/],
  'backup:import-open': [[], [true], /expected 0 arguments/],
  'backup:import-read': [['s1', null, null], ['s1', 42, null], /\(argument 2\): expected a password/],
  'backup:import-commit': [
    ['s1', ['skip', 'update', { replace: 'a' }]],
    ['s1', [{ replace: '' }]],
    /expected an account id/,
  ],
  'backup:import-stop': [['s1'], [''], /expected an import session/],
  'backup:import-cancel': [['s1'], [7], /expected an import session/],
  'backup:export': [['aegis', null], ['zip', null], /\(argument 1\): expected a format the app exports/],
  'backup:transfer-codes': [[['a']], ['a'], /expected a list of account ids/],
  'backup:reminder': [[], [[]], /expected 0 arguments/],
  'backup:reminder-dismiss': [[], [0], /expected 0 arguments/],
  'clock:status': [[], [1], /expected 0 arguments/],
  'lock:status': [[], [''], /expected 0 arguments/],
  'lock:unlock': [['correct horse'], ['x'.repeat(1025)], /the password is too long/],
  'lock:unlock-touch-id': [[], [true], /expected 0 arguments/],
  'lock:lock': [[], [null], /expected 0 arguments/],
  'lock:set-password': [[null, 'new secret'], ['old', 42], /\(argument 2\): expected a password/],
  'lock:remove-password': [['old secret'], [null], /expected a password/],
  'lock:activity': [[], [{}], /expected 0 arguments/],
  'window:take-commands': [[], ['settings'], /expected 0 arguments/],
};
const valid = IPC_NAMES.channels.map((c) => [c, SAMPLES[c][0]] as const);
const invalid = IPC_NAMES.channels.map((c) => [c, SAMPLES[c][1], SAMPLES[c][2]] as const);

describe('the channel table checks every request', () => {
  it.each(valid)('%s accepts %j', (channel, args) => {
    expect(checkArgs(channel, args)).toEqual(args);
  });

  it.each(invalid)('%s refuses %j', (channel, args, problem) => {
    expect(() => checkArgs(channel, args)).toThrow(
      expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(problem) }),
    );
  });

  it.each([
    ['trims a scanned text', 'scan:submit', ['  otpauth://x  '], ['otpauth://x']],
    [
      'drops unknown fields of a label',
      'accounts:rename',
      ['a', { issuer: 'x', account: 'y', z: 1 }],
      ['a', { issuer: 'x', account: 'y' }],
    ],
    ['lets accounts:codes go without ids', 'accounts:codes', [], []],
    [
      'spells a shortcut the canonical way',
      'settings:set',
      [{ shortcut: 'cmdorctrl + option + k' }],
      [{ shortcut: 'CommandOrControl+Alt+K' }],
    ],
    [
      'writes a time server one way',
      'settings:set',
      [{ clockServer: ' Time.Example:123 ', useCorrectedTime: true }],
      [{ clockServer: 'time.example', useCorrectedTime: true }],
    ],
  ] as const)('%s', (_, channel, given, checked) => expect(checkArgs(channel, given)).toEqual(checked));

  it.each([
    ['a known channel', 'accounts:list', 'accounts:list'],
    ['an unknown one', 'accounts:steal', null],
    ['an inherited property', 'constructor', null],
  ])('knownChannel: %s', (_, name, known) => {
    if (known !== null) expect(knownChannel(name)).toBe(known);
    else expect(() => knownChannel(name)).toThrow('Refused a request Keyfob does not know.');
  });
});

describe('a request off the wire', () => {
  let home: string;
  let services: AppServices;
  const trusted = { webContentsId: 7, origin: 'app://keyfob' };
  const facts = { senderId: 7, frameUrl: 'app://keyfob/index.html', isMainFrame: true };
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'keyfob-receive-'));
    const secrets = memorySecretStore();
    services = await createAppServices({ home, secrets, clipboard: recordingClipboard(), watch: false });
  });
  afterAll(async () => {
    await services.close();
    await rm(home, { recursive: true, force: true });
  });

  it.each(invalid)('%s %j gets invalid-input and never reaches the handler', async (channel, args) => {
    const handler = vi.spyOn(services.handlers, channel);
    const reply = await answerIfTrusted(facts, trusted, channel, () => services.receive(channel, args));
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining(channel) },
    });
    expect(reply.ok ? '' : reply.error.message).not.toContain('\n');
    expect(handler).not.toHaveBeenCalled();
    handler.mockRestore();
  });

  it('passes checked arguments to the handler', async () => {
    const handler = vi.spyOn(services.handlers, 'scan:submit');
    await services.receive('scan:submit', ['  hello  ']);
    expect(handler).toHaveBeenCalledWith('hello');
    handler.mockRestore();
  });

  it('refuses a channel outside the table', async () => {
    expect(await services.receive('accounts:steal', [])).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Refused a request Keyfob does not know.' },
    });
  });

  it('refuses an untrusted sender before looking at the request', async () => {
    const receive = vi.fn(() => services.receive('accounts:list', []));
    const reply = await answerIfTrusted({ ...facts, isMainFrame: false }, trusted, 'accounts:list', receive);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Rejected a request from an unknown window.' },
    });
    expect(receive).not.toHaveBeenCalled();
  });
});
