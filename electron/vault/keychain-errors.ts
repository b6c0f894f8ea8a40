import { KeyfobError } from '../../shared/errors';

/** What the keychain is called on each OS, and what a user can do about it. */
const KEYCHAINS: Record<'linux' | 'darwin' | 'win32', { name: string; unavailable: string; locked: string }> =
  {
    linux: {
      name: 'The system keychain (Secret Service)',
      unavailable: 'Install and unlock a keyring (GNOME Keyring or KWallet) and try again.',
      locked: 'Unlock your keyring (GNOME Keyring or KWallet, e.g. in "Passwords and Keys") and try again.',
    },
    darwin: {
      name: 'The macOS Keychain',
      unavailable:
        'Open Keychain Access, make sure your login keychain exists and is unlocked, and try again.',
      locked: 'Unlock your login keychain in Keychain Access and try again.',
    },
    win32: {
      name: 'Windows Credential Manager',
      unavailable: 'Make sure the Credential Manager service (VaultSvc) is running and try again.',
      locked: 'Sign in to Windows again and try again.',
    },
  };

/** gnome-keyring/KWallet and macOS phrase a locked keychain like this (no code crosses keytar). */
const LOCKED = /locked collection|is locked|interaction is not allowed|user canceled|-25308|-128\b/i;

/** Platform errors are short and never contain the password, but keep them bounded anyway. */
const MAX_REASON = 200;

/** The error for a keychain that can't be used at all, worded for the user's OS. */
export function keychainUnavailable(platform: NodeJS.Platform, reason: string): KeyfobError {
  const k = keychainFor(platform);
  const why = reason.trim().replace(/\.$/, '').slice(0, MAX_REASON) || 'no reason given';
  return new KeyfobError('keychain-unavailable', `${k.name} is not available: ${why}. ${k.unavailable}`);
}

/** The error for a keychain that is there but locked. */
export function keychainLocked(platform: NodeJS.Platform): KeyfobError {
  const k = keychainFor(platform);
  return new KeyfobError('keychain-locked', `${k.name} is locked. ${k.locked}`);
}

/** Maps anything keytar throws to one of the two typed keychain errors. */
export function keychainError(platform: NodeJS.Platform, cause: unknown): KeyfobError {
  if (cause instanceof KeyfobError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return LOCKED.test(reason) ? keychainLocked(platform) : keychainUnavailable(platform, reason);
}

function keychainFor(platform: NodeJS.Platform): (typeof KEYCHAINS)['linux'] {
  return platform === 'darwin' || platform === 'win32' ? KEYCHAINS[platform] : KEYCHAINS.linux;
}
