import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/result.js';
import { invoke } from '../../api/client.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { TypographicInput } from '../../ui/TypographicInput.js';

/** The message about the name itself when the host says which field failed, else the whole message. */
function nameError(error: AppError): string {
  const issues = error.details?.['issues'];
  if (Array.isArray(issues)) {
    const about = issues.find(
      (issue: { path?: unknown; message?: unknown }) =>
        Array.isArray(issue.path) && issue.path[0] === 'name' && typeof issue.message === 'string',
    ) as { message: string } | undefined;
    if (about) return about.message;
  }
  return error.message;
}

/** « Ajouter une variable »: a small form under the family's list. */
export function AddVariableForm({ familyId, onAdded }: { familyId: string; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setOpen(false);
    setName('');
    setError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await invoke('variables:add', { familyId, name });
    setBusy(false);
    if (!result.ok) {
      setError(nameError(result.error));
      return;
    }
    close();
    onAdded();
  };

  if (!open) {
    return (
      <button
        type="button"
        className="button button-link add-variable"
        onClick={() => setOpen(true)}
        data-testid={`add-variable-${familyId}`}
      >
        + Ajouter une variable
      </button>
    );
  }

  const inputId = `add-variable-name-${familyId}`;
  const errorId = `add-variable-error-${familyId}`;
  return (
    <form className="add-variable-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>Nom de la nouvelle variable</label>
      <TypographicInput
        id={inputId}
        className="input"
        value={name}
        onValueChange={(value) => {
          setName(value);
          setError(undefined);
        }}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
        data-testid={inputId}
      />
      {error && <ErrorNotice message={error} testId={errorId} />}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid={`add-variable-submit-${familyId}`}
        >
          Ajouter
        </button>
        <button type="button" className="button" onClick={close}>
          Annuler
        </button>
      </div>
    </form>
  );
}
