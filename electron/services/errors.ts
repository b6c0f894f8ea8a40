import { KeyfobError, type ErrorData } from '../../shared/errors';
import type { IpcReply } from '../../shared/ipc/channels';

/**
 * The name of an unexpected error (TypeError, RangeError, …) — never its message, which could hold
 * data (a file's bytes, a key). Odd names are reduced to "Error" so nothing else slips through.
 */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z][A-Za-z0-9_.]{0,39}$/u.test(name) ? name : 'Error';
}

/** The message shown for anything Keyfob did not throw on purpose: its name, never its text. */
export function internalMessage(error: unknown): string {
  return `Something unexpected went wrong in Keyfob (${errorName(error)}). Try again; if it keeps happening, restart the app.`;
}

/** Any thrown value as error data: Keyfob's own errors keep their code and text, the rest become `internal`. */
export function toErrorData(error: unknown): ErrorData {
  return error instanceof KeyfobError
    ? error.toData()
    : { code: 'internal', message: internalMessage(error) };
}

/** Runs `fn` and wraps its outcome as an IPC reply; unexpected errors are logged by name only. */
export async function toReply<T>(label: string, fn: () => Promise<T>): Promise<IpcReply<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (!(error instanceof KeyfobError))
      console.error(`[keyfob] ${label} failed unexpectedly (${errorName(error)})`);
    return { ok: false, error: toErrorData(error) };
  }
}

/** True for the errors that mean "the keychain or the disk is not usable right now". */
export function isVaultProblem(error: unknown): error is KeyfobError {
  return (
    error instanceof KeyfobError &&
    (error.code === 'keychain-locked' ||
      error.code === 'keychain-unavailable' ||
      error.code === 'storage-unavailable')
  );
}
