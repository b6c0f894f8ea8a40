import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type AccountView, type ManualDraft } from '../../shared/ipc/shapes';
import { type ConfirmRequest, type DialogsAdapter } from '../adapters/dialogs';
import { base32Encode } from '../core';
import { parseMigrationUri } from '../formats/google-migration/transfer-uri';
import { decodeImageFile } from '../qr/image-file';
import { createAppServices, type AppServices } from './app-services';
import { recordingClipboard } from '../../test-support/adapters/recording-clipboard';
import { scriptedDialogs, type ScriptedDialogs } from '../../test-support/adapters/scripted-dialogs';
import { memorySecretStore, type MemorySecretStore } from '../../test-support/vault/memory-secret-store';

// "Show QR" and "Transfer to Google Authenticator": main asks first (a scripted native dialog
// here), reads only the chosen accounts' secrets, and the QR images hold exactly those accounts.
let home: string;
let secrets: MemorySecretStore;
let dialogs: ScriptedDialogs;
let services: AppServices;
/** Runs inside the confirmation, before it is answered (to change the vault while it is open). */
let whileAsking: (() => Promise<void>) | null;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'keyfob-qr-'));
  secrets = memorySecretStore();
  secrets.batchReads = false; // every secret read is one `get <id>` in secrets.calls
  dialogs = scriptedDialogs();
  whileAsking = null;
  const asking: DialogsAdapter = {
    ...dialogs,
    confirm: async (request: ConfirmRequest) => {
      await whileAsking?.();
      return dialogs.confirm(request);
    },
  };
  services = await createAppServices({
    home,
    secrets,
    clipboard: recordingClipboard(),
    watch: false,
    dialogs: asking,
  });
});
afterEach(async () => {
  await services.close();
  await rm(home, { recursive: true, force: true });
});

const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MZXW6YTBOI', 'KRSXG5CTMVRXEZLU', 'ONSWG4TFOQ'];
async function add(issuer: string, secret: string, patch: Partial<ManualDraft> = {}): Promise<AccountView> {
  const r = await services.invoke(
    'accounts:add',
    { ...EMPTY_DRAFT, issuer, account: 'me', secret, ...patch },
    { allowDuplicate: true },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const reads = () => secrets.calls.filter((c) => c.startsWith('get ')).map((c) => c.slice(4));
/** The texts of the QR codes in SVG data: URLs, read back as a phone would (rendered, then decoded). */
async function qrTexts(images: string[]): Promise<string[]> {
  const texts = [];
  for (const image of images) {
    const svg = Buffer.from(image.replace(/^data:image\/svg\+xml;base64,/u, ''), 'base64');
    const png = await sharp(svg, { density: 200 }).png().toBuffer();
    const codes = (await decodeImageFile(new Uint8Array(png))).codes;
    texts.push(...codes.map((c) => c.text));
  }
  return texts;
}

describe('accounts:show-qr', () => {
  it('refused: answers null, and reads no secret', async () => {
    const a = await add('GitHub', SECRETS[0] as string);
    secrets.calls.length = 0;
    expect(await services.invoke('accounts:show-qr', a.id)).toEqual({ ok: true, value: null });
    expect(reads()).toEqual([]);
    expect(dialogs.shown).toEqual([
      {
        kind: 'confirm',
        title: 'Show secret key',
        message: 'Show the secret key of GitHub: me as a QR code?',
        detail: expect.stringMatching(
          /contains the secret key of GitHub: me\. Anyone who sees or photographs/u,
        ) as string,
        confirmLabel: 'Show QR code',
      },
    ]);
  });

  it('confirmed: the QR code holds the account key URI, read from that one item', async () => {
    await add('Other', SECRETS[1] as string);
    const a = await add('GitHub', SECRETS[0] as string);
    secrets.calls.length = 0;
    dialogs.nextConfirm(true);
    const r = await services.invoke('accounts:show-qr', a.id);
    if (!r.ok || r.value === null) throw new Error('expected an image');
    expect(await qrTexts([r.value.image])).toEqual([
      `otpauth://totp/GitHub:me?secret=${SECRETS[0]}&issuer=GitHub`,
    ]);
    expect(reads()).toEqual([a.id]);
  });

  it('an unknown account is not-found, without asking', async () => {
    const r = await services.invoke('accounts:show-qr', 'no-such-id');
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(dialogs.shown).toEqual([]);
  });
});

describe('backup:transfer-codes', () => {
  it('refused: answers null, reads no secret; the dialog names the accounts', async () => {
    const all = await Promise.all(['A', 'B', 'C'].map((n, i) => add(n, SECRETS[i] as string)));
    secrets.calls.length = 0;
    const r = await services.invoke('backup:transfer-codes', [all[2]?.id ?? '', all[0]?.id ?? '']);
    expect(r).toEqual({ ok: true, value: null });
    expect(reads()).toEqual([]);
    expect(dialogs.shown).toMatchObject([
      {
        kind: 'confirm',
        message: 'Show transfer codes with the secret keys of 2 accounts?',
        detail: expect.stringMatching(
          /^They contain the secret keys of:\n• A: me\n• C: me\n\nAnyone who sees/u,
        ) as string,
      },
    ]);
  });

  it('confirmed: exactly the chosen accounts, by id, even when the list changes while the dialog is open', async () => {
    const all: AccountView[] = [];
    for (const [i, s] of SECRETS.entries()) all.push(await add(`S${i}`, s));
    const chosen = [all[1], all[3], all[4]].map((a) => a?.id ?? '');
    // Another process removes the first account meanwhile: every position after it shifts by one.
    whileAsking = async () => {
      const r = await services.invoke('accounts:remove', all[0]?.id ?? '');
      expect(r.ok).toBe(true);
      secrets.calls.length = 0;
    };
    secrets.calls.length = 0;
    dialogs.nextConfirm(true);
    const r = await services.invoke('backup:transfer-codes', chosen);
    if (!r.ok || r.value === null) throw new Error(`expected codes, got ${JSON.stringify(r)}`);
    expect(r.value).toMatchObject({ count: 3, skipped: [] });
    const [text] = await qrTexts(r.value.images);
    const entries = parseMigrationUri(text ?? '').result.entries;
    expect(entries.map((e) => [e.token.issuer, base32Encode(e.token.secret)])).toEqual([
      ['S1', SECRETS[1]],
      ['S3', SECRETS[3]],
      ['S4', SECRETS[4]],
    ]);
    expect(reads().sort()).toEqual([...chosen].sort());
  });

  it('lists at most ten names, then how many more', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await add(`N${i}`, SECRETS[i % 5] as string)).id);
    await services.invoke('backup:transfer-codes', ids);
    const detail = (dialogs.shown[0] as { detail: string }).detail;
    expect(detail.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(10);
    expect(detail).toContain('\n… and 2 more\n');
  });

  it('what Google cannot hold is left out, unasked and unread; with nothing left there is no question', async () => {
    const steam = await add('Steam', SECRETS[0] as string, { type: 'steam' });
    const sixty = await add('Slow', SECRETS[1] as string, { period: '60' });
    secrets.calls.length = 0;
    const r = await services.invoke('backup:transfer-codes', [steam.id, sixty.id]);
    expect(r).toEqual({
      ok: true,
      value: {
        images: [],
        count: 0,
        skipped: [
          {
            name: 'Steam: me',
            message: 'Steam Guard accounts cannot be transferred to Google Authenticator',
          },
          { name: 'Slow: me', message: 'Google Authenticator uses 30-second codes, not 60' },
        ],
      },
    });
    expect(dialogs.shown).toEqual([]);
    expect(reads()).toEqual([]);
  });

  it('a chosen account that no longer exists is named as a problem before anything is asked', async () => {
    const a = await add('A', SECRETS[0] as string);
    const r = await services.invoke('backup:transfer-codes', [a.id, 'gone-id']);
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: 'One of the chosen accounts no longer exists; close this window and choose again.',
      },
    });
    expect(dialogs.shown).toEqual([]);
  });
});
