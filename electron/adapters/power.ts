import { loadElectron } from './electron-module';

/** The system events the lock and the clock react to. */
export type PowerEvent = 'suspend' | 'resume' | 'lock-screen';

/** Sleep, wake and screen-lock events, and how long the system has had no input. */
export interface PowerAdapter {
  /** Calls `listener` on each `event`; returns the unsubscribe function. */
  on(event: PowerEvent, listener: () => void): () => void;
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  idleSeconds(): number;
}

/**
 * Electron's `powerMonitor` (main process, after `app.whenReady()`). `lock-screen` is only sent
 * on macOS and Windows; on Linux the idle time comes from Chromium and has been reported as
 * always 0 on some desktops, so app activity and suspend remain the lock's triggers there.
 */
export function electronPower(): PowerAdapter {
  const { powerMonitor } = loadElectron();
  return {
    on(event, listener) {
      // The union of event names is narrowed per call by Electron's overloads; one cast covers them.
      const monitor = powerMonitor as unknown as NodeJS.EventEmitter;
      monitor.on(event, listener);
      return () => void monitor.removeListener(event, listener);
    },
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
  };
}
