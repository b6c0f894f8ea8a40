import { useEffect, type RefObject } from 'react';

function isEditable(el: Element | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** Window-wide shortcuts: `/` and Ctrl/Cmd+F focus the search field (not while a dialog is open). */
export function useGlobalKeys(searchRef: RefObject<HTMLInputElement | null>, dialogOpen: boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialogOpen || e.defaultPrevented) return;
      const find = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f';
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
  }, [searchRef, dialogOpen]);
}
