import { useState } from 'react';
import { partTitle } from '../../../shared/history/titles.js';
import type { Conflict } from '../../../shared/model/sheet.js';
import { useStore } from '../../ui/store.js';
import { useSheetSession } from '../sheet/session.js';
import { ConflictView } from './ConflictView.js';
import { refreshSyncStatus } from './sync-status.js';

/**
 * « Conflit » on an open sheet whose last sync found the same block or field changed on
 * both sides: each part in conflict, with « Résoudre… ». What was typed is saved before the
 * two versions are shown, so the comparison is with what is on disk.
 */
export function ConflictBanner({ onResolved }: { onResolved: () => void }) {
  const session = useSheetSession();
  const view = useStore(session.current);
  const { template } = session;
  const [open, setOpen] = useState<{ conflict: Conflict; owner: 'sheet' | 'family' }>();
  const entries = [
    ...(view.sheet.conflicts ?? []).map((conflict) => ({ conflict, owner: 'sheet' as const })),
    ...(view.sheet.microScenarios.useFamily ? (view.familyShared.conflicts ?? []) : []).map((conflict) => ({
      conflict,
      owner: 'family' as const,
    })),
  ];
  if (entries.length === 0) return null;
  return (
    <section className="conflict-banner" role="alert" data-testid="conflict-banner">
      <strong>Conflit</strong>&nbsp;:{' '}
      {entries.length === 1 ? 'une partie a' : `${entries.length} parties ont`} été modifiée
      {entries.length > 1 ? 's' : ''} des deux côtés. Les deux versions sont gardées&nbsp;; choisissez.
      <ul>
        {entries.map(({ conflict, owner }) => (
          <li key={conflict.id}>
            «&nbsp;{partTitle(template, conflict.part)}&nbsp;» — version de {conflict.author}{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => void session.autosaver.flush().then(() => setOpen({ conflict, owner }))}
              data-testid={`conflict-open-${conflict.part}`}
            >
              Résoudre…
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <ConflictView
          view={view}
          template={template}
          conflict={open.conflict}
          owner={open.owner}
          onClose={() => setOpen(undefined)}
          onResolved={() => {
            setOpen(undefined);
            void refreshSyncStatus();
            onResolved();
          }}
        />
      )}
    </section>
  );
}
