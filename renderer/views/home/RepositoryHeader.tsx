import { useState } from 'react';
import type { Overview } from '../../../shared/api/contract.js';
import { invoke } from '../../api/client.js';
import { useAppInfo } from '../../app/app-info.js';
import { ErrorNotice } from '../../ui/Dialog.js';
import { ExportButton } from '../export/ExportButton.js';
import { VolumeButton } from '../export/VolumeButton.js';
import { ImportButton } from '../import/ImportHost.js';

interface Props {
  overview: Overview;
  onRepositoryChanged: () => void;
}

/** The repository's name, its exercise, and how to open another one. */
export function RepositoryHeader({ overview, onRepositoryChanged }: Props) {
  const info = useAppInfo();
  const [error, setError] = useState<string>();
  const { exercise } = overview;
  const variableCount = overview.families.reduce((sum, family) => sum + family.variables.length, 0);

  const choose = async () => {
    setError(undefined);
    const result = await invoke('repository:choose', {});
    if (!result.ok) setError(result.error.message);
    else if (result.value) onRepositoryChanged();
  };

  return (
    <section className="repository-header">
      <div>
        <h1 className="repository-name" data-testid="repository-name">
          {overview.name}
        </h1>
        <p className="exercise" data-testid="exercise">
          <span className="exercise-name">{exercise.name}</span>
          <span className="exercise-detail">
            {exercise.organisation} · {exercise.region} · horizon {exercise.horizon}
          </span>
        </p>
        <p className="repository-count">
          {overview.families.length} familles, {variableCount} variables
        </p>
      </div>
      <div className="repository-actions">
        <div className="repository-buttons">
          <ImportButton />
          <ExportButton />
          <VolumeButton />
        </div>
        {info?.canChooseRepository ? (
          <button
            type="button"
            className="button"
            onClick={() => void choose()}
            data-testid="choose-repository"
          >
            Ouvrir un autre dépôt…
          </button>
        ) : (
          <p className="repository-hint" data-testid="repository-hint">
            Dépôt ouvert&nbsp;: <code title={overview.path}>{overview.path}</code>
            <br />
            Pour en ouvrir un autre, relancez <code>fiches serve --repo DOSSIER</code>.
          </p>
        )}
        {error && <ErrorNotice message={error} />}
      </div>
    </section>
  );
}
