import type { Page } from '@playwright/test';
import { oathtoolTotp } from './scan-helpers';

// Shared by the specs of a re-issued key: the key an account has, the new one its service issued
// after a reset, and the codes oathtool computes for them at the specs' instant.

/** The instant the re-issued-key specs run at. */
export const NOW = Date.UTC(2026, 2, 2, 9, 41, 21);
/** The account's key before the reset. */
export const OLD = 'JBSWY3DPEHPK3PXP';
/** The key the service issued after the reset. */
export const NEW = 'GEZDGNBVGY3TQOJQ';

/** oathtool's code for `secret` at {@link NOW}, grouped as the rows and previews show it ("123 456"). */
export function codeAtNow(secret: string): string {
  const code = oathtoolTotp(secret, NOW);
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** The warning the confirm step, the form and the import list show for `name` ("GitHub — alice"). */
export function warningFor(name: string): string {
  return `${name} is already in Keyfob with a different key. The service has probably issued a new one.`;
}

/** Opens "Replace key…" from the row menu of the account titled `title`; returns the dialog. */
export async function openReplaceKey(page: Page, title: string) {
  await page.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Replace key…' }).click();
  return page.getByRole('dialog', { name: `Replace the key of ${title}` });
}
