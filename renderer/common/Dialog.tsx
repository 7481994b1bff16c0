import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

/** A modal dialog on the native <dialog>: focus is trapped, Escape closes, the page behind is inert. */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // showModal() focuses the first control (the × button); a field marked data-autofocus is
    // where typing should start. React's autoFocus runs before this, so it would be undone.
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
    // A field that comes filled in (a break's name, a show's title) is typed over, not after.
    if (first instanceof HTMLInputElement) first.select();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`cd-dialog${wide ? ' cd-dialog-wide' : ''}`}
      aria-label={title}
      onClose={onClose}
      data-testid={testId}
    >
      <div className="cd-dialog-body">
        <header className="cd-dialog-head">
          <h2>{title}</h2>
          <button
            type="button"
            className="cd-icon-button"
            aria-label="Close"
            onClick={() => ref.current?.close()}
          >
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
