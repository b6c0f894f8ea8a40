import type { Account } from '../../shared/account';
import { accountName } from '../../shared/account-name';
import type { ConfirmRequest } from '../adapters/dialogs';

/** How many account names a confirmation lists before "and N more". */
export const LISTED_NAMES = 10;
const NAME_CHARS = 80;

/**
 * An account's name as one line of a native dialog. Names come from imports and scans, so control
 * characters and line breaks (which could fake a paragraph of the dialog) become spaces, and a very
 * long name is cut.
 */
export function dialogName(account: Pick<Account, 'issuer' | 'account'>): string {
  // Control characters (\p{Cc}: U+0000–001F, U+007F–009F), line and paragraph separators, spaces.
  const flat = accountName(account)
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  return flat.length > NAME_CHARS ? `${flat.slice(0, NAME_CHARS - 1)}…` : flat;
}

const QR_WARNING =
  'Anyone who sees or photographs the code can copy the key and make your codes. Show it only to ' +
  'scan it with your own phone, with nobody watching your screen.';
const TRANSFER_WARNING =
  'Anyone who sees or photographs a transfer code can copy its keys and make your codes. Show the ' +
  'codes only to scan them with your own phone, with nobody watching your screen.';

/** The question main asks before "Show QR" puts one account's key on screen. */
export function showQrConfirmation(account: Pick<Account, 'issuer' | 'account'>): ConfirmRequest {
  const name = dialogName(account);
  return {
    title: 'Show secret key',
    message: `Show the secret key of ${name} as a QR code?`,
    detail: `The QR code contains the secret key of ${name}. ${QR_WARNING}`,
    confirmLabel: 'Show QR code',
  };
}

/** The question main asks before a Google Authenticator transfer puts these accounts' keys on screen. */
export function transferConfirmation(
  accounts: ReadonlyArray<Pick<Account, 'issuer' | 'account'>>,
): ConfirmRequest {
  const n = accounts.length;
  const listed = accounts.slice(0, LISTED_NAMES).map((a) => `• ${dialogName(a)}`);
  if (n > LISTED_NAMES) listed.push(`… and ${n - LISTED_NAMES} more`);
  return {
    title: 'Show secret keys',
    message: `Show transfer codes with the secret keys of ${n === 1 ? '1 account' : `${n} accounts`}?`,
    detail: `They contain the secret ${n === 1 ? 'key' : 'keys'} of:\n${listed.join('\n')}\n\n${TRANSFER_WARNING}`,
    confirmLabel: 'Show codes',
  };
}
