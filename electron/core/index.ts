// The pure code engine: OTP maths, base32 and key URIs. No Electron, no file system, no clock —
// every function takes the time it needs as a parameter.
export { base32Decode, base32Encode } from './base32';
export { hotp } from './hotp';
export { totp } from './totp';
export { steam, STEAM_ALPHABET } from './steam';
export { generateCode, type CodeResult } from './generate-code';
export { parseKeyUri } from './key-uri-parse';
export { formatKeyUri } from './key-uri-format';
export { splitLabel } from './key-uri-label';
export {
  validateParams,
  normaliseAlgorithm,
  normaliseType,
  MAX_COUNTER,
  MAX_DIGITS,
  MAX_PERIOD,
  MIN_DIGITS,
  STEAM_PARAMS,
} from './params';
export { sameSecret, assertSecretFits, MAX_SECRET_BYTES } from './secret';
export { DuplicateFinder, labelKey, namesAccount, type KeyMatch } from './same-account';
export type { CoreField } from './input-error';
