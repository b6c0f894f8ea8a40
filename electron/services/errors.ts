import { KeyfobError, type ErrorData } from '../../shared/errors';
import type { IpcReply } from '../../shared/ipc-contract';

/** Shown for anything Keyfob did not throw on purpose; the cause's text stays out of it (it could hold data). */
export const INTERNAL_MESSAGE =
  'Something unexpected went wrong in Keyfob. Try again; if it keeps happening, restart the app.';

/** Any thrown value as error data: Keyfob's own errors keep their code and text, the rest become `internal`. */
export function toErrorData(error: unknown): ErrorData {
  return error instanceof KeyfobError ? error.toData() : { code: 'internal', message: INTERNAL_MESSAGE };
}

/** Runs `fn` and wraps its outcome as an IPC reply; unexpected errors are logged by name only. */
export async function toReply<T>(label: string, fn: () => Promise<T>): Promise<IpcReply<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (!(error instanceof KeyfobError)) {
      console.error(
        `[keyfob] ${label} failed unexpectedly (${error instanceof Error ? error.name : typeof error})`,
      );
    }
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
