import { useEffect } from 'react';
import { useLatest } from './useLatest';

/**
 * While `showing`, calls `hide` as soon as the window loses focus or is hidden (another app in
 * front, a screen share switching windows, closing to the tray), so secret QR codes are not left on
 * screen by accident.
 */
export function useHideWhenLeft(showing: boolean, hide: () => void): void {
  const latest = useLatest(hide);
  useEffect(() => {
    if (!showing) return;
    const onBlur = () => latest.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') latest.current();
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [showing, latest]);
}
