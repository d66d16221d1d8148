import { useState } from 'react';
import type { Overview } from '../../../shared/api/contract.js';
import { sheetStatusLabels } from '../../../shared/model/sheet.js';
import { invoke } from '../../api/client.js';
import { hrefOf, navigate } from '../../app/router.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { formatDateTime } from '../../ui/format.js';
import { ProgressBar } from '../../ui/ProgressBar.js';

type Variable = Overview['families'][number]['variables'][number];

/** A variable: its sheet's status and completeness, or the button that creates it. */
export function VariableRow({ variable, onChanged }: { variable: Variable; onChanged: () => void }) {
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();
  const { sheet } = variable;

  const create = async () => {
    setCreating(true);
    setError(undefined);
    const result = await invoke('sheets:create', { variableId: variable.id });
    setCreating(false);
    if (result.ok) navigate({ name: 'sheet', id: result.value.sheet.id });
    else {
      setError(result.error.message);
      onChanged();
    }
  };

  return (
    <li className="variable" data-testid={`variable-${variable.id}`}>
      <div className="variable-main">
        {sheet ? (
          <a className="variable-name" href={hrefOf({ name: 'sheet', id: sheet.id })}>
            {variable.name}
          </a>
        ) : (
          <span className="variable-name variable-name-empty">{variable.name}</span>
        )}
        {sheet ? (
          <span className="variable-state">
            <span className={`status status-${sheet.status}`} data-testid={`variable-status-${variable.id}`}>
              {sheetStatusLabels[sheet.status]}
            </span>
            {sheet.conflicts && (
              <span className="status status-conflict" data-testid={`variable-conflict-${variable.id}`}>
                Conflit
              </span>
            )}
            <ProgressBar ratio={sheet.completeness.ratio} testId={`variable-completeness-${variable.id}`} />
            {sheet.openThreads > 0 && (
              <span
                className="variable-threads"
                title="Fils de commentaires ouverts"
                data-testid={`variable-threads-${variable.id}`}
              >
                {sheet.openThreads === 1
                  ? '1\u00a0commentaire ouvert'
                  : `${sheet.openThreads}\u00a0commentaires ouverts`}
              </span>
            )}
          </span>
        ) : (
          <button
            type="button"
            className="button button-small"
            onClick={() => void create()}
            disabled={creating}
            data-testid={`create-sheet-${variable.id}`}
          >
            Créer la fiche
          </button>
        )}
      </div>
      {variable.damaged.map((entry) => (
        <div className="damaged" key={entry.file} data-testid={`damaged-${variable.id}`} role="note">
          <strong>Fiche endommagée</strong>&nbsp;:{' '}
          <span data-testid={`damaged-reason-${variable.id}`}>{entry.reason}</span>
          <span className="damaged-file">
            Le fichier a été mis de côté dans <code>{entry.file}</code> le {formatDateTime(entry.setAsideAt)}.
          </span>
        </div>
      ))}
      {error && <ErrorNotice message={error} testId={`create-error-${variable.id}`} />}
    </li>
  );
}
