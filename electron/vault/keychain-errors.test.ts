import { describe, expect, it } from 'vitest';
import { keychainError } from './keychain-errors';

describe('keychainError', () => {
  // Messages as keytar really reports them (Linux ones captured from gnome-keyring, see keytar-store.test.ts).
  const cases: Array<[NodeJS.Platform, string, string, RegExp]> = [
    [
      'linux',
      'Cannot create an item in a locked collection',
      'keychain-locked',
      /^The system keychain \(Secret Service\) is locked\. Unlock your keyring/,
    ],
    [
      'linux',
      'Could not connect: No such file or directory',
      'keychain-unavailable',
      /^The system keychain \(Secret Service\) is not available: Could not connect: No such file or directory\. Install and unlock a keyring \(GNOME Keyring or KWallet\) and try again\.$/,
    ],
    [
      'linux',
      'Cannot autolaunch D-Bus without X11 $DISPLAY',
      'keychain-unavailable',
      /not available: Cannot autolaunch D-Bus/,
    ],
    [
      'freebsd',
      'The name org.freedesktop.secrets was not provided by any .service files',
      'keychain-unavailable',
      /Secret Service\) is not available: The name/,
    ],
    [
      'darwin',
      'User interaction is not allowed.',
      'keychain-locked',
      /^The macOS Keychain is locked\. Unlock your login keychain/,
    ],
    [
      'darwin',
      'The specified keychain could not be found.',
      'keychain-unavailable',
      /^The macOS Keychain is not available: The specified keychain could not be found\. Open Keychain Access/,
    ],
    [
      'win32',
      'A specified logon session does not exist.',
      'keychain-unavailable',
      /^Windows Credential Manager is not available: A specified logon session does not exist\. Make sure/,
    ],
    ['linux', '', 'keychain-unavailable', /not available: no reason given\./],
  ];
  it.each(cases)('%s: %s', (platform, reason, code, message) => {
    const e = keychainError(platform, new Error(reason));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});
