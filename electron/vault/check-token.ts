import { KeyfobError } from '../../shared/errors';
import type { Token, TokenLabel, TokenParams } from '../../shared/otp-types';
import { base32Encode, validateParams } from '../core';

/**
 * Windows Credential Manager keeps at most CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 × 512 bytes per item,
 * and keytar stores the password there as UTF-8 bytes; base32 is ASCII, so 2560 characters.
 * @see https://learn.microsoft.com/windows/win32/api/wincred/ns-wincred-credentialw (CredentialBlobSize)
 */
export const MAX_SECRET_CHARS = 2560;

/** A token checked for storage: normalised params, label as given, secret as keychain text. */
export interface CheckedToken {
  params: TokenParams;
  label: TokenLabel;
  secretText: string;
}

/** Validates a token before anything is written; errors name the field. */
export function checkToken(token: Token): CheckedToken {
  if (!(token.secret instanceof Uint8Array) || token.secret.length === 0) {
    throw new KeyfobError(
      'invalid-input',
      'The secret is empty; a token needs at least one byte of secret.',
      'secret',
    );
  }
  const secretText = base32Encode(token.secret).replace(/=+$/, '').toUpperCase();
  if (secretText.length > MAX_SECRET_CHARS) {
    throw new KeyfobError(
      'invalid-input',
      `The secret is too long to store: ${token.secret.length} bytes (${secretText.length} base32 letters); ` +
        `keychains on Windows hold at most ${MAX_SECRET_CHARS} letters (1600 bytes).`,
      'secret',
    );
  }
  return { params: checkParams(token), label: checkLabel(token), secretText };
}

/** Validates parameters through the core's rules (digits, period, counter range…). */
export function checkParams(p: TokenParams): TokenParams {
  const { type, algorithm, digits, period, counter } = validateParams({
    type: p.type,
    algorithm: p.algorithm,
    digits: p.digits,
    period: p.period,
    counter: p.counter,
  });
  return { type, algorithm, digits, period, counter };
}

/** Checks that issuer and account are text (either may be empty: real key URIs have bare labels). */
export function checkLabel(l: TokenLabel): TokenLabel {
  for (const field of ['issuer', 'account'] as const) {
    if (typeof l[field] !== 'string') {
      throw new KeyfobError('invalid-input', `The ${field} must be text.`, field);
    }
  }
  return { issuer: l.issuer, account: l.account };
}
