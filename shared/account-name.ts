import type { TokenLabel } from './otp-types';

// How Keyfob names an account to people, everywhere: messages, native dialogs, the CLI, the
// window. Always by its issuer and account name, never by anything derived from the secret.

/** "Issuer: account", or whichever of the two is present; `unnamed` when neither is. */
export function accountName(label: TokenLabel, unnamed = '(unnamed)'): string {
  const issuer = label.issuer.trim();
  const account = label.account.trim();
  if (issuer !== '' && account !== '') return `${issuer}: ${account}`;
  return issuer || account || unnamed;
}

/** The first line of a two-line name (a row, a list item): the issuer, else the account name. */
export function accountTitle(label: TokenLabel): string {
  return label.issuer.trim() || label.account.trim() || 'Unnamed account';
}

/** The second line: the account name, unless it is already the {@link accountTitle}. */
export function accountSubtitle(label: TokenLabel): string {
  return label.issuer.trim() ? label.account.trim() : '';
}
