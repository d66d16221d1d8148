import { useCallback, useState } from 'react';
import { invoke } from '../../api/client.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { formatDateTime } from '../../ui/format.js';
import { LoadError } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';

/** The bin: deleted sheets, newest first, each restorable. */
export function TrashPanel({ count, onRestored }: { count: number; onRestored: () => void }) {
  const loadTrash = useCallback(() => invoke('trash:list', {}), []);
  const [trash, reload] = useResult(loadTrash);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const restore = async (trashId: string) => {
    setBusy(trashId);
    setError(undefined);
    const result = await invoke('trash:restore', { trashId });
    setBusy(undefined);
    if (!result.ok) setError(result.error.message);
    reload();
    onRestored();
  };

  return (
    <section className="trash-panel" data-testid="trash-panel" aria-labelledby="trash-title">
      <h2 id="trash-title">
        Corbeille <span className="muted">({count})</span>
      </h2>
      {trash.state === 'error' && <LoadError error={trash.error} onRetry={reload} />}
      {trash.state === 'ready' &&
        (trash.value.length === 0 ? (
          <p className="muted" data-testid="trash-empty">
            La corbeille est vide. Une fiche supprimée y est conservée et peut être restaurée.
          </p>
        ) : (
          <ul className="trash-list">
            {trash.value.map((entry) => (
              <li
                key={entry.trashId}
                data-testid={`trash-entry-${entry.trashId}`}
                data-sheet-id={entry.sheetId}
              >
                <span>
                  <strong>{entry.sheetId}</strong>{' '}
                  <span className="muted">supprimée le {formatDateTime(entry.deletedAt)}</span>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy === entry.trashId}
                  onClick={() => void restore(entry.trashId)}
                  data-testid={`trash-restore-${entry.trashId}`}
                >
                  Restaurer
                </button>
              </li>
            ))}
          </ul>
        ))}
      {error && <ErrorNotice message={error} testId="trash-error" />}
    </section>
  );
}
