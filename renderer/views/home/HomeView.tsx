import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useStore } from '../../ui/store.js';
import { useResult } from '../../ui/useResult.js';
import {
  carriesFiles,
  droppedFiles,
  importsApplied,
  isDocxName,
  openImport,
} from '../import/import-files.js';
import { watchSyncGeneration } from '../sync/sync-status.js';
import { DamagedFiles } from './DamagedFiles.js';
import { FamilyCard } from './FamilyCard.js';
import { FirstStartWelcome } from './FirstStartWelcome.js';
import { RepositoryHeader } from './RepositoryHeader.js';
import { TrashPanel } from './TrashPanel.js';

/** The repository at a glance: its families and variables, how far each sheet is, the bin. */
export function HomeView() {
  const imports = useStore(importsApplied);
  const loadOverview = useCallback(async () => {
    // A sheet just left may still be saving: read the repository once it is on disk.
    await flushEverything();
    return invoke('repository:overview', {});
    // Read again after each import: it may have added variables and sheets.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [imports]);
  const [overview, reload] = useResult(loadOverview);
  const [dragging, setDragging] = useState(false);
  // A sync brought colleagues' changes (a sheet, a variable): read the repository again.
  useEffect(() => watchSyncGeneration(reload), [reload]);

  if (overview.state === 'loading') return <Loading label="Ouverture du dépôt…" />;
  if (overview.state === 'error') return <LoadError error={overview.error} onRetry={reload} />;

  const { value } = overview;
  const shownWithVariable = new Set(
    value.families.flatMap((family) =>
      family.variables.flatMap((variable) => variable.damaged.map((e) => e.file)),
    ),
  );
  const orphans = value.damaged.filter((entry) => !shownWithVariable.has(entry.file));
  // Word files dropped anywhere on the home view open the import with them.
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      setDragging(false);
      void droppedFiles(event.dataTransfer).then((files) => {
        const docx = files.filter((file) => isDocxName(file.name));
        openImport(docx.length > 0 ? docx : files);
      });
    },
  };
  return (
    <main className={dragging ? 'home is-dropping' : 'home'} data-testid="home-view" {...dropHandlers}>
      {dragging && (
        <p className="home-drop-hint" data-testid="home-drop-hint">
          Déposez vos fiches Word (.docx) pour les importer
        </p>
      )}
      <RepositoryHeader overview={value} onRepositoryChanged={reload} />
      <FirstStartWelcome />
      <DamagedFiles entries={orphans} />
      <div className="families">
        {value.families.map((family) => (
          <FamilyCard key={family.id} family={family} onChanged={reload} />
        ))}
      </div>
      <TrashPanel count={value.trashCount} onRestored={reload} />
    </main>
  );
}
