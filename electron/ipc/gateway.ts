import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_NAMES, type IpcReply } from '../../shared/ipc/channels';
import { answerIfTrusted, type SenderFacts, type TrustedSender } from './sender-check';

/**
 * The only door into the main process: registers every channel of the table behind one sender
 * check; `receive` checks the arguments and runs the handler (AppServices.receive).
 */
export function openIpcGateway(
  trusted: () => TrustedSender,
  receive: (channel: string, args: unknown) => Promise<IpcReply<unknown>>,
): void {
  for (const channel of IPC_NAMES.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      answerIfTrusted(senderFacts(event), trusted(), channel, () => receive(channel, args)),
    );
  }
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const isMainFrame =
    frame !== null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { senderId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame };
}
