import type { ArgsOf, Channel, IpcEvents, IpcReply, ResultOf } from '../../shared/ipc/channels';
import type { ErrorData } from '../../shared/errors';

/** A failed IPC call, carrying main's error as data (code, message, field). */
export class BridgeError extends Error {
  readonly data: ErrorData;
  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'BridgeError';
    this.data = data;
  }
}

/** Calls one contract channel and unwraps its reply: the value, or a thrown {@link BridgeError}. */
export async function call<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<ResultOf<C>> {
  // The mapped bridge type cannot be indexed by a generic key without widening; this cast only
  // restores the correlation the channel table already guarantees.
  const fn = window.keyfob[channel] as unknown as (...a: ArgsOf<C>) => Promise<IpcReply<ResultOf<C>>>;
  const reply = await fn(...args);
  if (!reply.ok) throw new BridgeError(reply.error);
  return reply.value;
}

/** Subscribes to an event pushed from main; returns the unsubscribe function. */
export function onEvent<E extends keyof IpcEvents>(
  event: E,
  listener: (...args: IpcEvents[E]) => void,
): () => void {
  return window.keyfob.on(event, listener);
}

/** The error data of anything thrown by {@link call}; other failures become `internal`. */
export function errorData(err: unknown): ErrorData {
  if (err instanceof BridgeError) return err.data;
  return { code: 'internal', message: 'Something went wrong. Please try again.' };
}
