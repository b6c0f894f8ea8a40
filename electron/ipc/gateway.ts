import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_NAMES } from '../../shared/ipc/channels';
import type { AppServices } from '../services/app-services';
import { answerIfTrusted, type SenderFacts } from './sender-check';

/**
 * The only door between main and the renderer. Every channel of the table is answered behind one
 * sender check, the page `contents()` shows on the app's `origin` (`services.receive` then checks
 * the arguments and runs the handler); every event of the table is pushed to that page.
 */
export function openIpcGateway(
  contents: () => WebContents | null,
  origin: string,
  services: Pick<AppServices, 'receive' | 'on'>,
): void {
  for (const channel of IPC_NAMES.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const trusted = { webContentsId: contents()?.id ?? null, origin };
      return answerIfTrusted(senderFacts(event), trusted, channel, () => services.receive(channel, args));
    });
  }
  for (const event of IPC_NAMES.events) {
    services.on(event, (...args: unknown[]) => {
      const page = contents();
      if (page !== null && !page.isDestroyed()) page.send(event, ...args);
    });
  }
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const isMainFrame =
    frame !== null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { senderId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame };
}
