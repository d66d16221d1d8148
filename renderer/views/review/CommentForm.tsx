import { useRef, useState, type FormEvent } from 'react';
import { commentTextSchema } from '../../../shared/model/review.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { useFrenchTypography } from '../../ui/useFrenchTypography.js';

interface Props {
  initial?: string;
  label: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  testId: string;
}

/**
 * The text of a comment or a reply, typed with French typography; Ctrl+Entrée posts it,
 * Échap gives it up. An empty or oversized text is refused here with the reason.
 */
export function CommentForm({ initial = '', label, submitLabel, onSubmit, onCancel, testId }: Props) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  const ref = useRef<HTMLTextAreaElement>(null);
  useFrenchTypography(ref);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = commentTextSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Commentaire invalide.');
      return;
    }
    onSubmit(parsed.data);
  };

  return (
    <form className="comment-form" onSubmit={submit} data-testid={testId}>
      <textarea
        ref={ref}
        className="input comment-input"
        aria-label={label}
        value={text}
        rows={3}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
          setError(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
        data-testid={`${testId}-text`}
      />
      {error && <ErrorNotice message={error} testId={`${testId}-error`} />}
      <div className="form-actions">
        <button
          type="button"
          className="button button-small"
          onClick={onCancel}
          data-testid={`${testId}-cancel`}
        >
          Annuler
        </button>
        <button type="submit" className="button button-small button-primary" data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
