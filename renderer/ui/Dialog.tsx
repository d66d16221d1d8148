import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Added to the dialog's class, for one that needs another size. */
  className?: string;
}

/** A modal on the native <dialog>: focus trapping and Escape come from the browser. */
export function Dialog({ title, onClose, children, testId, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}

interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | undefined;
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onCancel} testId="confirm-dialog">
      <div className="dialog-body">{message}</div>
      {error && <ErrorNotice message={error} />}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-testid="confirm-cancel">
          Annuler
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

export function ErrorNotice({ message, testId }: { message: string; testId?: string }) {
  return (
    <p className="error-notice" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
