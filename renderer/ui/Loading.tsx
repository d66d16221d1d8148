import type { AppError } from '../../shared/result.js';
import { ErrorNotice } from './Dialog.js';

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" aria-busy="true">
      {label}
    </p>
  );
}

/** A failed load: the host's French message and a way to try again. */
export function LoadError({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  return (
    <div className="load-error" data-testid="load-error">
      <ErrorNotice message={error.message} />
      <button type="button" className="button" onClick={onRetry}>
        Réessayer
      </button>
    </div>
  );
}
