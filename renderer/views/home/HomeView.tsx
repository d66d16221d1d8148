import { useCallback, useEffect } from 'react';
import { invoke } from '../../api/client.js';
import { flushEverything } from '../../app/pending-saves.js';
import { LoadError, Loading } from '../../ui/Loading.js';
import { useResult } from '../../ui/useResult.js';
import { watchSyncGeneration } from '../sync/sync-status.js';
import { DamagedFiles } from './DamagedFiles.js';
import { FamilyCard } from './FamilyCard.js';
import { RepositoryHeader } from './RepositoryHeader.js';
import { TrashPanel } from './TrashPanel.js';

/** The repository at a glance: its families and variables, how far each sheet is, the bin. */
export function HomeView() {
  const loadOverview = useCallback(async () => {
    // A sheet just left may still be saving: read the repository once it is on disk.
    await flushEverything();
    return invoke('repository:overview', {});
  }, []);
  const [overview, reload] = useResult(loadOverview);
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
  return (
    <main className="home" data-testid="home-view">
      <RepositoryHeader overview={value} onRepositoryChanged={reload} />
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
