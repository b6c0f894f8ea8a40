// Regenerates the README screenshots: the main screen with six accounts, the add, scan-confirm,
// import and export dialogs, in
// light and dark, at a fixed clock so every run draws the same codes.
// Run: npm run screenshots (inside scripts/with-keyring.mjs, after `npx electron-vite build`).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, type SeedAccount } from './harness';
import { openScan, paste } from './scan-helpers';
import { scriptedDialogs } from '../test-support/adapters/scripted-dialogs';

/** 2026-03-02 09:41:21 UTC: 21 s into a 30 s period, so the bars show some age but no "next" code yet. */
const NOW_MS = Date.UTC(2026, 2, 2, 9, 41, 21);

const ACCOUNTS: SeedAccount[] = [
  { issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Google', account: 'alice.martin@gmail.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  {
    issuer: 'Amazon Web Services',
    account: 'alice@acme-corp.com',
    secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF',
  },
  {
    issuer: 'Société Générale',
    account: 'alice.martin',
    secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
    digits: '8',
    period: '60',
  },
  { issuer: 'Steam', account: 'alice_plays', secret: 'ONSWG4TFORZWK4TFONSWG4TFOQ', type: 'steam' },
  { issuer: 'Company VPN', account: 'alice', secret: 'GEZDGNBVGY3TQOJQ', type: 'hotp', counter: '41' },
];

const OUT = join(__dirname, 'screenshots');

async function shoot(scheme: 'light' | 'dark'): Promise<void> {
  const dialogs = scriptedDialogs();
  const app = await launchApp({
    nowMs: NOW_MS,
    accounts: ACCOUNTS,
    colorScheme: scheme,
    viewport: { width: 560, height: 600 },
    dialogs,
  });
  try {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: 'Next code' }).click();
    await page.locator('[data-type="hotp"] [data-testid="code"]').filter({ hasText: /\d/ }).waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(OUT, `main-${scheme}.png`) });

    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('menuitem', { name: /Enter key manually/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.getByLabel('Issuer').fill('Dropbox');
    await dialog.getByLabel('Account').fill('alice@example.com');
    await dialog.getByLabel('Secret key').fill('jbsw y3dp ehpk 3pxp');
    await dialog.getByTestId('preview-code').waitFor();
    await page.screenshot({ path: join(OUT, `add-${scheme}.png`) });
    await page.keyboard.press('Escape');

    // Scan: a pasted key that is already stored → the confirm step flags the duplicate.
    const scan = await openScan(page);
    await paste(page, {
      text: 'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
    });
    const confirm = page.getByRole('dialog', { name: 'Add scanned accounts' });
    await confirm.getByTestId('scan-code').waitFor();
    await page.screenshot({ path: join(OUT, `scan-${scheme}.png`) });
    await confirm.getByRole('button', { name: 'Scan again' }).click();
    await scan.getByRole('button', { name: 'Cancel' }).click();

    // Import of an Aegis backup: every entry with what will happen to it.
    dialogs.nextOpen(
      join(__dirname, '..', 'electron', 'formats', 'testdata', 'files', 'aegis-db3-plain.json'),
    );
    await page.getByRole('button', { name: 'Backup and import' }).click();
    await page.getByRole('menuitem', { name: /^Import/ }).click();
    const imp = page.getByRole('dialog', { name: 'Import from aegis-db3-plain.json' });
    await imp.getByRole('button', { name: /^Import \d+ accounts/ }).waitFor();
    await page.screenshot({ path: join(OUT, `import-${scheme}.png`) });
    await imp.getByRole('button', { name: 'Cancel' }).click();

    // Encrypted export: password, confirmation and strength hint.
    await page.getByRole('button', { name: 'Backup and import' }).click();
    await page.getByRole('menuitem', { name: /^Export/ }).click();
    const exp = page.getByRole('dialog', { name: 'Export accounts' });
    await exp.getByLabel('Password', { exact: true }).fill('purple monkey dishwasher');
    await exp.getByLabel('Confirm password').fill('purple monkey dishwasher');
    await exp.getByText('Strong').waitFor();
    await page.screenshot({ path: join(OUT, `export-${scheme}.png`) });
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) await shoot(scheme);
  console.log(`Screenshots written to ${OUT}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
