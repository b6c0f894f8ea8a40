import { useEffect, type RefObject } from 'react';
import { useLatest } from './useLatest';

function isEditable(el: Element | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/**
 * Window-wide shortcuts: `/` and Ctrl/Cmd+F focus the search field (not while a dialog is open);
 * Ctrl/Cmd+, opens Settings (the app menu's accelerator does the same where there is one).
 */
export function useGlobalKeys(
  searchRef: RefObject<HTMLInputElement | null>,
  dialogOpen: boolean,
  openSettings: () => void,
) {
  const settings = useLatest(openSettings);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialogOpen || e.defaultPrevented) return;
      const command = (e.ctrlKey || e.metaKey) && !e.altKey;
      if (command && e.key === ',') {
        e.preventDefault();
        return settings.current();
      }
      const find = command && e.key.toLowerCase() === 'f';
      const slash =
        e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(document.activeElement);
      if (!find && !slash) return;
      const field = searchRef.current;
      if (!field) return;
      e.preventDefault();
      field.focus();
      field.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef, dialogOpen, settings]);
}
