import type { IpcEvents } from '../../shared/ipc/channels';

/** Listeners per pushed event: main emits, the IPC gateway and the desktop side listen. */
export function eventHub() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    on<E extends keyof IpcEvents>(event: E, listener: (...args: IpcEvents[E]) => void): () => void {
      const fn = listener as (...args: unknown[]) => void;
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(fn));
      return () => void set.delete(fn);
    },
    emit<E extends keyof IpcEvents>(event: E, ...args: IpcEvents[E]): void {
      listeners.get(event)?.forEach((listener) => listener(...args));
    },
    clear: () => listeners.clear(),
  };
}

/** What emits the pushed events. */
export type EmitEvent = ReturnType<typeof eventHub>['emit'];
