import { createContext, useContext, useEffect } from 'react';
import { useLatest } from './useLatest';

/** Locks Keyfob now; null when there is nothing to lock (no lock password, or already locked). */
export const LockNowContext = createContext<(() => void) | null>(null);

/** The window's "Lock Keyfob" (the header's padlock), from the lock gate above the app. */
export const useLockNow = () => useContext(LockNowContext);

/** Ctrl+L (Cmd+L on macOS) anywhere in the window, dialogs included, calls `lockNow` while it is not null. */
export function useLockShortcut(lockNow: (() => void) | null): void {
  const latest = useLatest(lockNow);
  const on = lockNow !== null;
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'l') return;
      e.preventDefault();
      latest.current?.();
    };
    // Capture: a dialog that keeps its keys to itself still cannot keep this one.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [on, latest]);
}
