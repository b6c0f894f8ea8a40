import { describe, expect, it } from 'vitest';
import { dialogName, showQrConfirmation, transferConfirmation } from './reveal-confirm';

describe('dialogName', () => {
  it.each([
    ['GitHub', 'alice', 'GitHub: alice'],
    ['', 'alice', 'alice'],
    ['GitHub', '', 'GitHub'],
    ['', '', '(unnamed)'],
    // An imported name cannot fake a paragraph of the native dialog.
    ['Bank\n\nThis is safe to show.', 'me', 'Bank This is safe to show.: me'],
    ['Tab\there', 'nul\u0000char\u2028x', 'Tab here: nul char x'],
    ['L'.repeat(200), 'me', `${'L'.repeat(79)}…`],
  ])('%j / %j → %j', (issuer, account, expected) => {
    expect(dialogName({ issuer, account })).toBe(expected);
  });
});

describe('the confirmations', () => {
  it('Show QR names the account and says anyone who sees the code can copy the key', () => {
    const r = showQrConfirmation({ issuer: 'GitHub', account: 'alice' });
    expect(r.message).toBe('Show the secret key of GitHub: alice as a QR code?');
    expect(r.detail).toMatch(
      /secret key of GitHub: alice\. Anyone who sees or photographs the code can copy the key/u,
    );
  });

  it.each([
    [1, 'Show transfer codes with the secret keys of 1 account?', 1, false],
    [10, 'Show transfer codes with the secret keys of 10 accounts?', 10, false],
    [11, 'Show transfer codes with the secret keys of 11 accounts?', 10, true],
  ])('a transfer of %i: %j, %i names listed, "more" line: %s', (n, message, listed, more) => {
    const r = transferConfirmation(Array.from({ length: n }, (_, i) => ({ issuer: `S${i}`, account: 'me' })));
    expect(r.message).toBe(message);
    expect(r.detail.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(listed);
    expect(r.detail.includes(`… and ${n - 10} more`)).toBe(more);
    expect(r.detail).toMatch(/Anyone who sees or photographs a transfer code can copy its keys/u);
  });
});
