import { expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PASSWORD } from '../electron/formats/testdata/canonical';
import { launchApp, type LaunchedApp } from './harness';
import { scriptedDialogs } from '../test-support/adapters/scripted-dialogs';

// Import and export through the app's dialogs. main shows the file dialogs through its dialogs
// adapter; here a scripted one answers with real files (fixtures made from the canonical set).
const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
const FILES = join(__dirname, '..', 'electron', 'formats', 'testdata', 'files');
const ACCOUNTS = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Google', account: 'alice@gmail.com', secret: 'GEZDGNBVGY3TQOJQ' },
  { issuer: 'Steam', account: 'gamer', secret: 'KRSXG5CTMVRXEZLU', type: 'steam' as const },
  { issuer: 'Corp VPN', account: 'alice', secret: 'MFRGGZDFMZTWQ2LK', type: 'hotp' as const, counter: '42' },
];

const apps: LaunchedApp[] = [];
let dir = '';
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyfob-backup-e2e-'));
});
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await rm(dir, { recursive: true, force: true });
});

const names = async (app: LaunchedApp) =>
  (await app.services.handlers['accounts:list']()).map((a) => `${a.issuer}:${a.account}`);

async function openBackupMenu(app: LaunchedApp, item: RegExp) {
  await app.page.getByRole('button', { name: 'Backup and import' }).click();
  await app.page.getByRole('menuitem', { name: item }).click();
}

test('an encrypted export restores every account, in order, into a fresh app', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS, dialogs });
  apps.push(app);
  const out = join(dir, 'backup.json');
  dialogs.nextSave(out);
  await openBackupMenu(app, /^Export/);
  const dialog = app.page.getByRole('dialog', { name: 'Export accounts' });
  await expect(dialog.getByRole('radio', { name: /^Encrypted backup/ })).toBeChecked();
  await dialog.getByLabel('Password', { exact: true }).fill('short');
  await expect(dialog.getByText(/^Weak/)).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill('purple monkey dishwasher');
  await expect(dialog.getByText('Strong')).toBeVisible();
  await dialog.getByLabel('Confirm password').fill('purple monkey dishwasheR');
  await expect(dialog.getByText('The passwords do not match.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save backup…' }).click();
  expect(dialogs.shown).toEqual([]);
  await dialog.getByLabel('Confirm password').fill('purple monkey dishwasher');
  await dialog.getByRole('button', { name: 'Save backup…' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByText('Saved 4 accounts to backup.json')).toBeVisible();
  expect(dialogs.shown).toEqual([
    { kind: 'save', title: 'Save backup', defaultName: 'keyfob-backup-2026-03-02.json' },
  ]);
  expect((await stat(out)).mode & 0o777).toBe(0o600);
  const text = await readFile(out, 'utf8');
  expect(text).toContain('"slots"');
  expect(text).not.toContain('JBSWY3DPEHPK3PXP');

  const fresh = await launchApp({ nowMs: NOW, dialogs });
  apps.push(fresh);
  dialogs.nextOpen(out);
  await openBackupMenu(fresh, /^Import/);
  const imp = fresh.page.getByRole('dialog', { name: 'Import from backup.json' });
  await imp.getByLabel('Backup password').fill('purple monkey dishwasher');
  await imp.getByRole('button', { name: 'Unlock' }).click();
  await expect(imp.getByText(/4 new, 0 already in Keyfob/)).toBeVisible();
  await imp.getByRole('button', { name: 'Import 4 accounts' }).click();
  await expect(imp).toBeHidden();
  await expect(fresh.page.getByText('Imported 4 accounts')).toBeVisible();
  expect(await names(fresh)).toEqual(await names(app));
  const [before, after] = [await app.call('accounts:codes'), await fresh.call('accounts:codes')];
  if (!before.ok || !after.ok) throw new Error('codes failed');
  expect(after.value.codes.map((c) => c.code)).toEqual(before.value.codes.map((c) => c.code));
  const hotp = (await fresh.services.handlers['accounts:list']()).find((a) => a.type === 'hotp');
  expect(hotp?.counter).toBe('42');
});

test('a plain export warns first and writes otpauth links', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, accounts: ACCOUNTS.slice(0, 2), dialogs });
  apps.push(app);
  await openBackupMenu(app, /^Export/);
  const dialog = app.page.getByRole('dialog', { name: 'Export accounts' });
  await dialog.getByRole('radio', { name: /otpauth/ }).check();
  await expect(dialog.getByRole('alert')).toContainText('This file will not be encrypted.');
  // Cancelling the save dialog keeps the export dialog open and writes nothing.
  await dialog.getByRole('button', { name: 'Save unencrypted…' }).click();
  await expect(dialog.getByRole('button', { name: 'Save unencrypted…' })).toBeEnabled();
  const out = join(dir, 'links.txt');
  dialogs.nextSave(out);
  await dialog.getByRole('button', { name: 'Save unencrypted…' }).click();
  await expect(dialog).toBeHidden();
  expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(2);
});

test('an encrypted fixture: wrong password says so and allows a retry; every entry is listed', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, dialogs });
  apps.push(app);
  dialogs.nextOpen(join(FILES, 'aegis-db3-encrypted.json'));
  await openBackupMenu(app, /^Import/);
  const imp = app.page.getByRole('dialog', { name: 'Import from aegis-db3-encrypted.json' });
  await expect(imp.getByText(/is encrypted/)).toBeVisible();
  await imp.getByLabel('Backup password').fill('not the password');
  await imp.getByRole('button', { name: 'Unlock' }).click();
  await expect(imp.getByText(/^Wrong password/)).toBeVisible();
  await expect(imp.getByLabel('Backup password')).toHaveAttribute('aria-invalid', 'true');
  await imp.getByLabel('Backup password').fill(FIXTURE_PASSWORD);
  await imp.getByRole('button', { name: 'Unlock' }).click();
  await expect(imp.getByRole('listitem')).toHaveCount(10);
  await expect(imp.getByRole('listitem', { name: 'Bänk Zürich: jürgen.müller' })).toContainText(
    'Will be added',
  );
  await imp.getByRole('button', { name: 'Import 10 accounts' }).click();
  await expect(imp).toBeHidden();
  expect(await names(app)).toHaveLength(10);
});

test('importing again: a duplicate can be skipped, can update the existing account, or can be kept as a second account', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, dialogs });
  apps.push(app);
  const file = join(FILES, 'aegis-db3-plain.json');
  dialogs.nextOpen(file);
  await openBackupMenu(app, /^Import/);
  let imp = app.page.getByRole('dialog', { name: 'Import from aegis-db3-plain.json' });
  await imp.getByRole('button', { name: 'Import 10 accounts' }).click();
  await expect(imp).toBeHidden();
  const first = await app.services.handlers['accounts:list']();

  dialogs.nextOpen(file);
  await openBackupMenu(app, /^Import/);
  imp = app.page.getByRole('dialog', { name: 'Import from aegis-db3-plain.json' });
  await expect(imp.getByText(/0 new, 10 already in Keyfob/)).toBeVisible();
  await expect(imp.getByRole('button', { name: 'Import 0 accounts' })).toBeDisabled();
  const choose = (n: number, value: string) => imp.getByRole('combobox').nth(n).selectOption(value);
  await choose(1, 'update');
  await choose(2, 'keep-both');
  await imp.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(app.page.getByText('Imported 2 accounts, 1 updated, 8 skipped')).toBeVisible();
  const after = await app.services.handlers['accounts:list']();
  expect(after).toHaveLength(11);
  // The updated account keeps its place and its id (same secret: names and parameters are taken
  // in place); the kept copy is added at the end.
  expect(after[1]?.id).toBe(first[1]?.id);
  expect(after.slice(0, 10).map((a) => a.id)).toEqual(first.map((a) => a.id));
  expect(after.map((a) => a.issuer)).toEqual([...first.map((a) => a.issuer), first[2]?.issuer]);
});

test('a bad entry is listed as rejected with its reason; the rest still import; an unknown file offers the formats', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, dialogs });
  apps.push(app);
  const list = join(dir, 'links.txt');
  await writeFile(
    list,
    [
      'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
      'otpauth://totp/Broken:bob?secret=not*base32',
      'otpauth://totp/Google:alice?secret=GEZDGNBVGY3TQOJQ&issuer=Google',
      '',
    ].join('\n'),
  );
  dialogs.nextOpen(list);
  await openBackupMenu(app, /^Import/);
  const imp = app.page.getByRole('dialog', { name: 'Import from links.txt' });
  await expect(imp.getByText(/2 new, 0 already in Keyfob, 1 cannot be imported/)).toBeVisible();
  await expect(imp.getByRole('listitem').nth(1)).toContainText('Cannot be imported:');
  await imp.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(app.page.getByText('Imported 2 accounts, 1 rejected')).toBeVisible();
  expect(await names(app)).toEqual(['GitHub:alice', 'Google:alice']);

  const junk = join(dir, 'photo.png');
  await writeFile(junk, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  dialogs.nextOpen(junk);
  await openBackupMenu(app, /^Import/);
  const unknown = app.page.getByRole('dialog', { name: 'Import from photo.png' });
  await expect(unknown.getByText(/^photo\.png is not a backup Keyfob recognises/)).toBeVisible();
  await expect(unknown.getByRole('combobox', { name: 'Format' })).toHaveValue('');
  await expect(unknown.getByRole('button', { name: 'Read' })).toBeDisabled();
  await unknown.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.page.getByRole('dialog')).toHaveCount(0);
});

test('a file whose format content cannot tell: the format is chosen, then the password', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, dialogs });
  apps.push(app);
  const old = join(dir, 'backup-2019.bin');
  await writeFile(old, await readFile(join(FILES, 'otp_accounts_old.json.aes')));
  dialogs.nextOpen(old);
  await openBackupMenu(app, /^Import/);
  const imp = app.page.getByRole('dialog', { name: 'Import from backup-2019.bin' });
  const format = imp.getByRole('combobox', { name: 'Format' });
  await expect(format).toBeFocused();
  await format.selectOption({ label: 'andOTP backup (before 0.6.3)' });
  await imp.getByLabel('Backup password').fill(FIXTURE_PASSWORD);
  await imp.getByRole('button', { name: 'Unlock' }).click();
  await expect(imp.getByRole('listitem')).toHaveCount(10);
  await imp.getByRole('button', { name: 'Import 10 accounts' }).click();
  await expect(app.page.getByText('Imported 10 accounts')).toBeVisible();
});

test('a keychain locked when Import is chosen: the dialog offers Retry, and after unlocking every account is imported once', async () => {
  const dialogs = scriptedDialogs();
  const app = await launchApp({ nowMs: NOW, dialogs });
  apps.push(app);
  dialogs.nextOpen(join(FILES, 'aegis-db3-plain.json'));
  await openBackupMenu(app, /^Import/);
  const imp = app.page.getByRole('dialog', { name: 'Import from aegis-db3-plain.json' });
  await expect(imp.getByRole('listitem')).toHaveCount(10);

  await app.lockKeychain();
  await imp.getByRole('button', { name: 'Import 10 accounts' }).click();
  await expect(imp.getByRole('alert')).toContainText(/locked/i);
  await expect(imp.getByText(/^Nothing was lost/)).toBeVisible();

  await app.unlockKeychain();
  await imp.getByRole('button', { name: 'Retry' }).click();
  await expect(imp).toBeHidden();
  await expect(app.page.getByText('Imported 10 accounts')).toBeVisible();
  const stored = await names(app);
  expect(stored).toHaveLength(10);
  expect(new Set(stored).size).toBe(10);
});
