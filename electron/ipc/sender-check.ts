import type { IpcReply } from '../../shared/ipc/channels';
import { originOf } from '../app/origin';

/** The facts about an IPC message's sender that decide whether it is trusted. */
export interface SenderFacts {
  /** `event.sender.id`: the web contents that sent the message. */
  senderId: number;
  /** `event.senderFrame?.url`; null when the frame is already gone. */
  frameUrl: string | null;
  /** True when the sending frame is its page's top frame (not an iframe). */
  isMainFrame: boolean;
}

/** What the app trusts: one web contents (the main window's) showing one origin. */
export interface TrustedSender {
  webContentsId: number | null;
  origin: string;
}

/** The message every refused request gets back, whatever it asked for. */
export const UNKNOWN_SENDER_MESSAGE = 'Rejected a request from an unknown window.';

/**
 * True only for the main window's top frame showing the app's own origin. A page that somehow got
 * navigated elsewhere, an iframe, or any other window (devtools extensions, a future second
 * window) is refused. @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function isTrustedSender(facts: SenderFacts, trusted: TrustedSender): boolean {
  if (trusted.webContentsId === null || facts.senderId !== trusted.webContentsId) return false;
  if (!facts.isMainFrame || facts.frameUrl === null) return false;
  return originOf(facts.frameUrl) === trusted.origin;
}

/** Answers a request with `receive` when it comes from the trusted sender; anyone else gets the refusal. */
export async function answerIfTrusted(
  facts: SenderFacts,
  trusted: TrustedSender,
  channel: string,
  receive: () => Promise<IpcReply<unknown>>,
): Promise<IpcReply<unknown>> {
  if (isTrustedSender(facts, trusted)) return receive();
  console.warn(`[keyfob] refused ${channel.slice(0, 40)} from an untrusted sender`);
  return { ok: false, error: { code: 'internal', message: UNKNOWN_SENDER_MESSAGE } };
}
