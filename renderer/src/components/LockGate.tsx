import { useCallback, useEffect, type ReactNode } from 'react';
import { call } from '../bridge';
import { useLock } from '../hooks/useLock';
import { LockNowContext, useLockShortcut } from '../hooks/useLockNow';
import { UnlockScreen } from './UnlockScreen';

/** How often at most the window tells main the user did something (auto-lock's app idle time). */
const ACTIVITY_EVERY_MS = 15_000;

/**
 * Shows the app, or only the unlock form while main says Keyfob is locked: the app's components
 * (and the codes they hold) are unmounted, and main refuses their requests anyway. While a lock
 * password is set and the app is open, key presses and clicks tell main the user is here, and
 * Ctrl/Cmd+L or the header's padlock lock it at once (main's answer hides the app before its event).
 */
export function LockGate({ children }: { children: ReactNode }) {
  const { value: status, failed, set } = useLock();
  const watching = status?.enabled === true && !status.locked;
  const lock = useCallback(() => void call('lock:lock').then(set, () => undefined), [set]);
  const lockNow = watching ? lock : null;
  useLockShortcut(lockNow);

  useEffect(() => {
    if (!watching) return;
    let last = -Infinity;
    const seen = () => {
      const at = performance.now();
      if (at - last < ACTIVITY_EVERY_MS) return;
      last = at;
      void call('lock:activity').catch(() => undefined);
    };
    window.addEventListener('keydown', seen, true);
    window.addEventListener('pointerdown', seen, true);
    return () => {
      window.removeEventListener('keydown', seen, true);
      window.removeEventListener('pointerdown', seen, true);
    };
  }, [watching]);

  if (status === null) return failed ? children : null;
  if (status.locked) return <UnlockScreen status={status} onStatus={set} />;
  return <LockNowContext.Provider value={lockNow}>{children}</LockNowContext.Provider>;
}
