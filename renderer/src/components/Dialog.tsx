import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Called on Esc and by the dialog's own buttons; the parent unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Id of the text that describes the dialog (confirmations). */
  describedBy?: string;
}

/**
 * A modal `<dialog>` opened with showModal(): the browser makes the rest of the page inert (focus
 * stays inside), Esc closes it, and focus goes back to where it was when it closes.
 */
export function Dialog({ title, onClose, children, className, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // The opener may be gone (a deleted row); the caller then moves focus itself.
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
