import { useCallback, useEffect, useRef, useState } from 'react';

/** A short message at the bottom of the window, optionally with one action (e.g. Undo). */
export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
  durationMs: number;
}

const MAX_TOASTS = 3;

/** A small stack of toasts, each dismissed after its own duration. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((prev) => prev.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (toast: Omit<Toast, 'id' | 'tone' | 'durationMs'> & Partial<Pick<Toast, 'tone' | 'durationMs'>>) => {
      const full: Toast = { tone: 'info', durationMs: 4_000, ...toast, id: nextId.current++ };
      setToasts((prev) => [...prev, full].slice(-MAX_TOASTS));
      timers.current.set(
        full.id,
        setTimeout(() => dismiss(full.id), full.durationMs),
      );
      return full.id;
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);

  return { toasts, show, dismiss };
}
