import { expect, test } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkTokens } from '../electron/formats/testdata/bulk';
import { writeKeyfobList } from '../electron/formats/testdata/key-uris';
import { INTERNAL_IDS } from '../electron/vault/keytar-store';
import { credentialsOf } from '../test-support/vault/keyring';
import { launchApp, type LaunchedApp } from './harness';

// A long import into the real keyring: the Import dialog shows "Saving N of 300…" over a
// determinate progress bar that moves as main saves, Cancel (here from the keyboard) stops after the
// account being written, the dialog says how many were saved, exactly those are listed with their
// keychain items, and importing the same file again adds only the rest.
const ACCOUNTS = 300;

let app: LaunchedApp | undefined;
let dir = '';
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyfob-progress-e2e-'));
});
test.afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Opens Import… on `file` through the scripted open dialog; returns the import dialog. */
async function importFile(a: LaunchedApp, file: string) {
  a.dialogs.nextOpen(file);
  await a.page.getByRole('button', { name: 'Backup and import' }).click();
  await a.page.getByRole('menuitem', { name: /^Import/ }).click();
  return a.page.getByRole('dialog', { name: 'Import from accounts.txt' });
}

/** Listed account ids, and the ids of the run's keychain items (Keyfob's bookkeeping items left out). */
async function storedIds(a: LaunchedApp) {
  const listed = (await a.services.handlers['accounts:list']()).map((x) => x.id).sort();
  const items = (await credentialsOf(a.service))
    .map((c) => c.account)
    .filter((id) => !INTERNAL_IDS.has(id))
    .sort();
  return { listed, items };
}

test('a long import shows a moving progress bar; Cancel keeps exactly what was saved', async () => {
  test.setTimeout(180_000);
  // 20 ms a write (≥ 6 s for all 300): Cancel lands mid-save even on a fast, empty keyring.
  app = await launchApp({ colorScheme: 'dark', slowKeychainWritesMs: 20 });
  const file = join(dir, 'accounts.txt');
  await writeFile(file, writeKeyfobList(bulkTokens(ACCOUNTS)));
  const dialog = await importFile(app, file);
  await expect(dialog.getByText(`${ACCOUNTS} new, 0 already in Keyfob`)).toBeVisible();
  await dialog.getByRole('button', { name: `Import ${ACCOUNTS} accounts` }).click();

  const bar = dialog.getByRole('progressbar', { name: /^Saving \d+ of 300…$/ });
  await expect(bar).toHaveAttribute('aria-valuemax', String(ACCOUNTS));
  await expect(bar).toHaveAttribute('aria-valuemin', '0');
  // The bar moves: two successive values above 0, each spoken as "N of 300 accounts saved".
  const now = async () => Number(await bar.getAttribute('aria-valuenow'));
  await expect.poll(now, { timeout: 60_000 }).toBeGreaterThan(0);
  const first = await now();
  await expect(bar).toHaveAttribute('aria-valuetext', `${first} of ${ACCOUNTS} accounts saved`);
  await expect(dialog.getByText(`Saving ${first} of ${ACCOUNTS}…`)).toBeVisible();
  await expect.poll(now, { timeout: 60_000 }).toBeGreaterThan(first);
  // Themed: the accent of the dark theme on its track.
  const colours = await bar.evaluate((el) => [
    getComputedStyle(el).backgroundColor,
    getComputedStyle(el.firstElementChild as Element).backgroundColor,
  ]);
  expect(colours).toEqual(['rgb(42, 48, 56)', 'rgb(126, 162, 255)']);

  // Focus moved to Cancel when saving began: the keyboard stops the import.
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await expect(cancel).toHaveAccessibleDescription(/^Saving \d+ of 300…$/);
  await app.page.keyboard.press('Enter');
  const result = dialog.getByRole('status');
  await expect(result).toContainText('Import stopped.', { timeout: 60_000 });
  const saved = Number(/Saved (\d+) of 300 accounts/.exec((await result.textContent()) ?? '')?.[1]);
  expect(saved).toBeGreaterThan(first);
  expect(saved).toBeLessThan(ACCOUNTS);
  await expect(result).toContainText(
    `To add the other ${ACCOUNTS - saved} later, import accounts.txt again: the accounts already in Keyfob are found as duplicates and skipped.`,
  );
  // The list behind the dialog already shows them.
  await expect(app.page.getByText('No accounts yet')).toBeHidden();
  const ids = await storedIds(app);
  expect(ids.listed).toHaveLength(saved);
  expect(ids.items).toEqual(ids.listed);

  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await expect(close).toHaveAccessibleDescription(new RegExp(`^Import stopped\\. Saved ${saved} of 300`));
  await app.page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.page.getByText(`Imported ${saved} accounts`)).toBeVisible();

  // The same file again: what was saved is found as duplicates; only the rest is added.
  const again = await importFile(app, file);
  await expect(again.getByText(`${ACCOUNTS - saved} new, ${saved} already in Keyfob`)).toBeVisible();
  await again.getByRole('button', { name: `Import ${ACCOUNTS - saved} accounts` }).click();
  await expect(again).toBeHidden({ timeout: 120_000 });
  await expect(app.page.getByText(`Imported ${ACCOUNTS - saved} accounts, ${saved} skipped`)).toBeVisible();
  const all = await storedIds(app);
  expect(all.listed).toHaveLength(ACCOUNTS);
  expect(all.items).toEqual(all.listed);
  expect(app.errors).toEqual([]);
});
