import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};

/**
 * False while the window is hidden (closed to the tray, minimised): timers that only redraw what
 * nobody sees stop then, so a hidden Keyfob uses no CPU; they catch up when it shows again.
 */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState !== 'hidden');
}
