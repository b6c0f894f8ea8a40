import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ArgsOf, Channel, IpcReply, ResultOf } from '../../shared/ipc-contract';
import {
  UNKNOWN_SENDER_MESSAGE,
  isTrustedSender,
  type SenderFacts,
  type TrustedSender,
} from './sender-check';

/** A channel's implementation: the contract's arguments in, an {@link IpcReply} out. */
export type ChannelHandler<C extends Channel> = (...args: ArgsOf<C>) => Promise<IpcReply<ResultOf<C>>>;

/** The only door into the main process: registers typed handlers behind one sender check. */
export interface IpcGateway {
  handle<C extends Channel>(channel: C, fn: ChannelHandler<C>): void;
  /** Removes every handler this gateway registered (tests, shutdown). */
  dispose(): void;
}

/** A gateway trusting whatever `trusted()` says at the time of each message. */
export function createIpcGateway(trusted: () => TrustedSender): IpcGateway {
  const registered: Channel[] = [];
  return {
    handle(channel, fn) {
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        if (!isTrustedSender(senderFacts(event), trusted())) {
          console.warn(`[keyfob] refused ${channel} from an untrusted sender`);
          return { ok: false, error: { code: 'internal', message: UNKNOWN_SENDER_MESSAGE } };
        }
        return fn(...(args as ArgsOf<typeof channel>));
      });
      registered.push(channel);
    },
    dispose() {
      for (const channel of registered.splice(0)) ipcMain.removeHandler(channel);
    },
  };
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const isMainFrame =
    frame !== null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { senderId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame };
}
