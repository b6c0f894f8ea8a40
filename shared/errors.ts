/**
 * The closed set of error codes that cross process boundaries (IPC, CLI exit codes).
 * `input` errors are the user's to fix; `keychain` and `storage` errors are the machine's.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'duplicate'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'storage-unavailable'
  | 'busy'
  /** The app lock is on: main refuses codes and seeds until it is unlocked. */
  | 'app-locked'
  | 'internal';

/** An error as data: what went wrong, in words a user can act on. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  /** The input field at fault, when there is one (e.g. "secret", "digits"). */
  field?: string;
}

/** Base class of every error Keyfob raises on purpose; serialisable as {@link ErrorData}. */
export class KeyfobError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'KeyfobError';
    this.code = code;
    this.field = field;
  }
  /** The plain-data form that crosses IPC. */
  toData(): ErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** True for errors of the user's input (CLI exit 1) as opposed to the machine (exit 2). */
export function isInputError(code: ErrorCode): boolean {
  return code === 'invalid-input' || code === 'not-found' || code === 'duplicate';
}
