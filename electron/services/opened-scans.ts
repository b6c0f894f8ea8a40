import type { IpcReply } from '../../shared/ipc/channels';
import type { OpenedScan, ScanStep, ScreenScan, WindowCommand } from '../../shared/ipc/shapes';

/** A request as the window would make it: the channel's argument checks apply, errors come back as data. */
type Receive = (channel: string, args: unknown) => Promise<IpcReply<unknown>>;

/** Scans that start outside the window: an opened otpauth link, the tray's screen scan. */
export interface OpenedScans {
  /**
   * An `otpauth://` or `otpauth-migration://` link opened from outside (a browser, another app):
   * submitted exactly as a scanned QR text (`scan:submit`, the same checks and messages), its step
   * left for the Scan dialog, and the window asked to show it. Nothing is saved here. Links go in
   * one at a time, in the order they came (the parts of a transfer); while the app is locked they
   * wait for the unlock.
   */
  link(text: string): Promise<void>;
  /** The tray's "Scan QR code from screen…": `scan:screens` now, its result left for the Scan dialog. */
  screens(): Promise<void>;
  /** The step waiting for the Scan dialog, once; null when there is none. */
  take(): OpenedScan | null;
}

/**
 * Opened scans over `receive` (the services' own entry for requests), `command` (which asks the
 * window to open its Scan dialog) and `unlocked` (settles at the app lock's next unlock). The seeds
 * stay in the scan session; only the seed-free step waits here.
 */
export function openedScans(
  receive: Receive,
  command: (c: WindowCommand) => void,
  unlocked: () => Promise<void>,
): OpenedScans {
  let waiting: OpenedScan | null = null;
  let links: Promise<void> = Promise.resolve();
  const leave = (opened: OpenedScan): void => {
    waiting = opened;
    command({ kind: 'scan' });
  };
  const submit = async (text: string): Promise<void> => {
    let reply = (await receive('scan:submit', [text])) as IpcReply<ScanStep>;
    // Refused while locked: the window shows its unlock form meanwhile; the link goes in after.
    while (!reply.ok && reply.error.code === 'app-locked') {
      await unlocked();
      reply = (await receive('scan:submit', [text])) as IpcReply<ScanStep>;
    }
    leave(reply.ok ? { message: null, step: reply.value } : { message: reply.error.message, step: null });
  };
  return {
    link(text) {
      const done = links.then(() => submit(text));
      links = done.catch(() => undefined);
      return done;
    },
    async screens() {
      const reply = (await receive('scan:screens', [])) as IpcReply<ScreenScan>;
      leave(
        reply.ok
          ? { message: reply.value.message, step: reply.value.step }
          : { message: reply.error.message, step: null },
      );
    },
    take() {
      const opened = waiting;
      waiting = null;
      return opened;
    },
  };
}
