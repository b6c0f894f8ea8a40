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
